/**
 * Pure metrics: feature spaces, the archive's k-NN balls, each output's placement and kind, batch measures (precision,
 * recall, KID). Plain vectors in, numbers out; docs/measure.md says why. May import only the base and math.
 */
package margins.measure;
