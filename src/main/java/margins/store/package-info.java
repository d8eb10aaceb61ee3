/**
 * The studio's memory: every image a command wrote, as an item in an SQLite database (studio/store/margins.db) with
 * its recipe, its measures in each space, its lineage (edges to its parents), the archive's images, vectors in every
 * feature space for resemblance, and the tags and notes an artist adds. The PNGs stay the truth: the store is
 * rebuilt from the recipes inside them (and the journal of what an artist added), and checked against them. Also
 * the queries on it: similar (exact, or Lucene's HNSW beyond {@link margins.store.Nearest#EXACT_LIMIT} vectors),
 * find, lineage and the atlas. May import recipe, model, train, measure, image, archive, math and the base package;
 * not report, redo, sample, walk or bend.
 */
package margins.store;
