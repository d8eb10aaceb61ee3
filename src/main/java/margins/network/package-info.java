/**
 * The generative networks as DJL blocks. The VAE's decoder exposes its stages by name ("fc", "up1" .. "upN")
 * so that bending, activation noise and layer clustering can hook any of them from outside.
 */
package margins.network;
