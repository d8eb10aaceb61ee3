/**
 * The samplers of the two regimes, a table keyed by id ({@link margins.explore.regime.Samplers}).
 *
 * <p>Mimetic: truncated (prior, psi below 1), archive-neighbours (the default: an archive code moved by 0.6 of each
 * dimension's spread), posterior (a draw from an item's own posterior), aggregate-posterior (a diagonal Gaussian
 * mixture fitted to the codes). Alien: tail (prior scaled by psi above 1, or on a shell), extrapolate, low-density,
 * novelty-search (the default: the only one that stays out of the archive's typical balls on the demo archive
 * while staying nearer the archive than noise), cluster-hybrid (the "mix" operation) and activation-noise (the
 * "noise" operation).
 *
 * <p>Determinism: each output draws from its own stream, its seed mixed with the sampler's constant, so a seed's
 * output does not depend on the other seeds of the batch. Fits are made on the encoded training split
 * ({@code SamplerContext.codes()}) with fixed seeds ({@link margins.explore.regime.KMeans#SEED},
 * {@link margins.explore.regime.Gmm#SEED}) and cached per context, so a batch fits once. Parameters are checked
 * before anything is fitted or decoded.
 */
package margins.explore.regime;
