/**
 * Images as files and grids: PNGs with a text chunk (where recipes live), contact sheets, tensor and RGB
 * conversions. May import only the base package.
 */
package margins.image;
