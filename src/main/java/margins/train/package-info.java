/**
 * Training: numbered run directories (config first, metrics as JSON lines, sheets), the loop with its NaN stop and
 * engine self-check, atomic checkpoints, resume. May import the base, engine, image, archive and network.
 */
package margins.train;
