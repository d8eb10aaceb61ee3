/**
 * The generative networks as DJL blocks, their stages named ("fc", "up1" .. "upN") so that bends, noise and
 * clustering can hook any of them; seeds that name latents. May import the base and engine.
 */
package margins.network;
