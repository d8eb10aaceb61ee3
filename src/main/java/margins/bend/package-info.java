/**
 * Network bending: operations on a decoder layer's maps keyed by id, activation noise, mixing two latents at a layer,
 * channel clusters, the table that turns a recipe's stored operations into hooks, and `margins bend`'s pipeline.
 * May import recipe and the layers below it.
 */
package margins.bend;
