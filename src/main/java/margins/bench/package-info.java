/**
 * Every benchmark: training and decoding speed, walk rendering, measuring speed and memory, the regimes' figures.
 * Commands that print figures, never timed tests. May import anything but cli and demo.
 */
package margins.bench;
