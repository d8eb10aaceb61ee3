/**
 * Metamorphic walks: latent paths (lerp, slerp, keyframes, loops, random walks), sweeps of bend parameters, frames
 * rendered in batches, animation writers (GIF, MP4, PNG frames) and walk.json. May import bend, recipe and the
 * layers below; not sample.
 */
package margins.walk;
