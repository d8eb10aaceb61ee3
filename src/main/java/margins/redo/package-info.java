/**
 * Making outputs again from their recipes: images (samples, variations, bends, walk frames) and whole walks, with
 * the checkpoint found by hash. May import walk, bend, recipe and the layers below.
 */
package margins.redo;
