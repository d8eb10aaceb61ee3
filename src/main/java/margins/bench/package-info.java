/** Benchmarks: commands that print figures (speed, memory), never timed tests. */
package margins.bench;
