/** Image plumbing shared by training and exploration: tensors to pixels, contact sheets, PNGs with text. */
package margins.image;
