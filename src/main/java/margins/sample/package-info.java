/**
 * The samplers of the two regimes, a table keyed by id, each output drawing from its own seeded stream; variations of
 * any image. May import bend, recipe and the layers below; not walk.
 *
 * <p>Fits (k-means, mixtures, spreads) are made on the encoded training split with fixed seeds and cached per
 * context, so a batch fits once; parameters are checked before anything is fitted or decoded.
 */
package margins.sample;
