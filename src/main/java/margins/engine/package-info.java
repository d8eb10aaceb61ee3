/** The deep-learning engine: DJL on PyTorch, offline, CPU by default, a GPU when one is usable. */
package margins.engine;
