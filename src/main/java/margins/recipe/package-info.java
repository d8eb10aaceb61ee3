/**
 * What makes an output again: the recipe inside every PNG, the regimes, and the writer that decodes draws, measures
 * them and writes PNGs with their recipes, a contact sheet and an index, telling a sink (the store, which this
 * package cannot import) of each chunk as it lands. May import the layers below: base, math,
 * image, engine, archive, measure, network, train and model.
 */
package margins.recipe;
