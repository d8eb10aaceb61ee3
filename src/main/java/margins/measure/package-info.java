/**
 * Measures that say, for every generated image, whether it is a copy, mimetic, marginal or alien, and how a whole
 * batch compares with the archive.
 *
 * <h2>API</h2>
 *
 * <ul>
 *   <li>{@link margins.measure.FeatureSpace} and {@link margins.measure.FeatureSpaces#byId(String)}: images
 *       (float[] in (C=3, H, W) layout, values in [0,1], side 8..128) to vectors; {@link
 *       margins.measure.EncoderSpace} (needs the model, so not in the table): the model's posterior means. Every
 *       metric takes plain vectors.
 *   <li>{@link margins.measure.ArchiveManifold#fit(float[][], int)}: the archive's k-NN balls, fitted once.
 *   <li>{@link margins.measure.Measure#place(ArchiveManifold, float[][])}: one {@link margins.measure.Placement}
 *       per output.
 *   <li>{@link margins.measure.Measure#batch(ArchiveManifold, float[][], long)}: {@link
 *       margins.measure.BatchMeasures} for a set of outputs; {@link margins.measure.KidBlocks} (the default) and
 *       {@link margins.measure.Kid} (classic subsets) on their own.
 *   <li>Wired to studios in {@code margins.survey}: {@code ArchiveMeasurer} (a {@code margins.explore.Measurer}),
 *       {@code margins measure}, {@code margins report}, {@code margins bench regimes}.
 * </ul>
 *
 * <h2>Two spaces, and why both</h2>
 *
 * Every output is measured twice against the model's training split. <b>pixel-structure</b> (below) is the judge:
 * it does not depend on the network being judged, so an output's kind (copy / mimetic / marginal / alien) comes
 * from it, and two models can be compared in it. <b>encoder</b> is the model's own posterior mean: it sees what
 * this network learned to tell apart (sharp, cheap, latent-sized), but it judges outputs with the network that
 * made them, and a decoder's blurry average often encodes right next to the archive codes it averages. Reported
 * side by side, they disagree exactly where it matters: an output mimetic to the encoder but alien in pixels is
 * the network's idea of the archive, not the archive's look. Neither space is an ImageNet network: no download,
 * and an artist's archive is not judged by photographs of dogs.
 *
 * <p>A limit measured on the demo archive (OpenMoji, 32 px, k = 3): pixel-structure does not separate noise from
 * emoji. Gaussian pixel noise and pixel-shuffled emoji have uniform colour layouts and isotropic, unit-normalised
 * gradient histograms, which sit near the centre of the archive's feature cloud (hubness: in high dimension the
 * centre is nearer every item than items are to each other), so they fall inside archive balls: pruned
 * precision 0 to 0.8 depending on the split. Reports flag it. A gradient-energy term per cell (noise has strong
 * gradients everywhere, an emoji only on its outlines) is the likely fix.
 *
 * <h2>The pixel-structure space</h2>
 *
 * An independent yardstick: it does not depend on the network being judged, needs no weights from the internet
 * (an ImageNet Inception would, and would judge an artist's archive by photographs of dogs), and is cheap (about a
 * tenth of a millisecond per 32 x 32 image). It sees the two things an artist's eye checks first: colour layout
 * (an 8 x 8 area-average in linear light, converted to CIE Lab, D65) and stroke structure (Sobel gradient
 * orientations on luma at full resolution, 8 unsigned bins over a 4 x 4 grid, each cell's histogram scaled to
 * unit length with a soft floor so flat cells stay near zero), plus each of those cells' edge density (the share
 * of its pixels whose Sobel magnitude exceeds 0.4, a luma step of 0.1). Without the edge density, unit-length histograms make pixel
 * noise look like any busy cell and noise lands near the centre of the archive's cloud, inside its typical
 * neighbourhoods; with it, noise is busy in every cell where a drawing is busy only along its strokes. A
 * pixel-shuffled twin keeps the colour histogram
 * but loses both layout and structure, so it lands far away; a one-pixel shift stays close. Weights: colour
 * values are Lab / (50 * 8), structure values are unit cell histograms / 4, so squared distance is the mean over
 * the 64 colour cells of (deltaE / 50)^2 plus the mean over the 16 cells of the squared histogram difference
 * (at most 2) plus the mean over the 16 cells of the squared edge-density difference (densities / 4): a strong
 * colour change, a change of stroke direction and strokes where there were none weigh about the same.
 * 192 + 128 + 16 = 336 dimensions for every image size.
 *
 * <h2>Balls, scores and kinds</h2>
 *
 * For archive item r_i, NND_k(r_i) is the distance to its k-th nearest other archive item (by index: duplicates
 * count, at distance 0), k in 1..n-1. Ball membership is closed, {@code ||g - r_i|| <= NND_k(r_i)}, as in
 * Kynkäänniemi et al. 2019, Naeem et al. 2020 and Han et al. 2022 (their reference code uses a strict {@code <};
 * the difference only shows on exact ties). The smaller half of the balls are those with radius <= the median
 * radius (mean of the two middle radii when n is even).
 *
 * <ul>
 *   <li>realism = max over small balls of NND_k(r_i) / ||g - r_i|| (+Infinity if g sits on a small-ball centre);
 *   <li>rarity = the smallest radius among all balls holding g, NaN when none does;
 *   <li>kind: COPY if {@code ||g - r_nn|| < NND_1(r_nn)} (strict: at exactly that distance it is as far from
 *       r_nn as r_nn's own neighbour, so not a copy; ties for nearest go to the lower index), else MIMETIC if
 *       inside a small ball (the rim counts), else MARGINAL if inside any ball, else ALIEN.
 * </ul>
 *
 * <h2>Batch measures</h2>
 *
 * precision = fraction of outputs inside some archive ball; prunedPrecision = inside some small ball; recall =
 * fraction of archive items inside some k-NN ball of the outputs (same k, so more than k outputs are needed);
 * density = (1 / kM) sum over outputs of the number of archive balls holding it; coverage = fraction of archive
 * balls holding at least one output; KID = unbiased MMD^2 with kernel (x.y / d + 1)^3; copy rate and counts per
 * kind.
 *
 * <p>KID by default ({@link margins.measure.KidBlocks}): each side is shuffled and cut into 10 disjoint blocks of
 * at most 500; every kernel value between kept items is summed once, giving the full U-statistic over all kept
 * items (unbiased; every item is kept up to 5,000 per side) and 10 independent per-block estimates whose
 * population std is reported. The archive's side and its sums are computed once per manifold. The classic 100
 * overlapping subsets of 1000 ({@link margins.measure.Kid}) recompute the same pairs many times: about 30 s
 * against 0.3 s for 1,000 outputs and 4,500 archive items on 2 busy cores.
 *
 * <h2>Exact search, speed, determinism</h2>
 *
 * Distances come from one blocked pass per query block: |q|^2 + |r|^2 - 2 q.r with float dot products over
 * dimension-major reference blocks (a loop the JIT vectorises), clamped at 0, in parallel over blocks of 64
 * queries, so memory is 64 rows of n doubles per worker and never an outputs x archive matrix. The float error is
 * bounded, and any comparison the bound cannot settle (ball membership, k-th neighbour, nearest, realism) is
 * re-decided with the exact double distance. Results therefore equal brute force and do not depend on the thread
 * count; KID's subsets are all drawn from the caller's seed before any arithmetic.
 */
package margins.measure;
