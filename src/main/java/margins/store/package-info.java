/**
 * The studio's memory: every image a command wrote, as an item in an SQLite database (studio/store/margins.db) with
 * its recipe, its measures in each space, its lineage (edges to its parents), the archive's images, vectors in every
 * feature space for resemblance, the tags and notes an artist adds, and the studio's acts (offers, answers, keeps,
 * opens, settings, walk pauses: table acts). The PNGs stay the truth for items, and each exploration's journal
 * (studio/explorations/ID/journal.jsonl, written before the store) for the studio's acts: the store is rebuilt from
 * the recipes inside the PNGs, the journal of what an artist added and the explorations' journals ({@link
 * margins.store.StudioActs}), and checked against them. Also the queries on it: similar (exact, or Lucene's HNSW
 * beyond {@link margins.store.Nearest#EXACT_LIMIT} vectors), find, lineage and the atlas. May import recipe, model, train, measure, image, archive, math and the base package;
 * not report, redo, sample, walk or bend.
 */
package margins.store;
