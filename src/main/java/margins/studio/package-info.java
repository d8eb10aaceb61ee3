/**
 * The studio: `margins studio` serves one page on 127.0.0.1 where the artist and the machine interrupt each other.
 * The machine proposes grids, the artist keeps, breeds, edits genes, bends and walks; the machine interrupts when the
 * exploration settles into the typical ({@link margins.studio.Machine}). Every act is written to a {@link
 * margins.studio.Journal} as it happens: the exploration's journal.jsonl is the truth, and each entry is copied into
 * the store (tiles as items, the rest into its acts table) without ever costing an act. May import every package
 * below rank 10 (report, redo, store, sample, walk, bend, recipe, model and the layers below); not bench, demo or
 * cli.
 */
package margins.studio;
