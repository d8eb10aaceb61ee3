/** Recipes: what made an output image, carried inside the image itself so that it can be made again. */
package margins.recipe;
