/**
 * The measures wired to a studio: outputs against the archive their model learned from, batch by batch, with the
 * held-out split as the reference and noise as the floor.
 *
 * <ul>
 *   <li>{@link margins.survey.ArchiveMeasurer}: a {@code margins.explore.Measurer} fitted on a model's training
 *       split in two spaces (pixel-structure judges, the encoder shows the network's view); each output's map
 *       ({@code kind} plus, per space, nearest archive index and source, distance, realism, rarity, inside, kind)
 *       goes into its recipe and into measures.jsonl. Plug into sampling with
 *       {@code ArchiveMeasurer.forStudio(studio, model)} as the measurer.
 *   <li>{@link margins.survey.Survey}: named batches (held-out, a sampler's seeds, noise baselines) measured.
 *   <li>{@link margins.survey.MeasureImages} ({@code margins measure}), {@link margins.survey.Report}
 *       ({@code margins report}), {@link margins.survey.RegimesBenchmark} ({@code margins bench regimes}).
 * </ul>
 *
 * Fitting is not cached on disk: on the demo (908 items) the whole measurer, encoding included, takes about 2 s,
 * and fitting 4,500 pixel-structure vectors about 3 s on 2 busy cores; a cache would save that once per command
 * at the price of invalidation rules (checkpoint, archive hash, split, k, space versions).
 */
package margins.survey;
