/**
 * The deep-learning engine: DJL on PyTorch, offline, CPU by default, a GPU when one is usable; the engine
 * self-check that picks a correct convolution path on this CPU, and what `margins doctor` reports. May import only
 * the base package.
 */
package margins.engine;
