/**
 * Numbers shared by samplers, bends, walks and measures: vector arithmetic on latents, k-means, Gaussian mixtures.
 * May import only the base package.
 */
package margins.math;
