/**
 * The command line: one picocli class per task an artist does, each calling one library method; shared options
 * as mixins; errors as one clear message and an exit code. May import every package; none imports it.
 */
package margins.cli;
