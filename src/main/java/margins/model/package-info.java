/**
 * A trained model loaded to generate: the network with its checkpoint and run, decoding latents to images one at a
 * time (bit for bit), the encoded archive, the archive split it was trained on. May import everything below it:
 * the base, math, image, engine, archive, measure, network and train.
 */
package margins.model;
