package margins.cli;

import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** How a command chooses its sampler: --regime, --sampler and its --param values (see `margins sample --list`). */
public final class SamplerOptions {

  @Option(names = "--regime", paramLabel = "mimetic|alien", description = "The regime; alone, its default sampler.")
  String regime;

  @Option(names = "--sampler", paramLabel = "ID", description = "A sampler by id (see margins sample --list).")
  String sampler;

  @Option(names = "--param", paramLabel = "K=V", description = "A sampler parameter, repeatable (see --list).")
  Map<String, String> params;

  /** The regime given, or null. */
  public String regime() {
    return regime;
  }

  /** The sampler id given, or null. */
  public String sampler() {
    return sampler;
  }

  /** The parameters given, never null. */
  public Map<String, String> params() {
    return params == null ? Map.of() : new TreeMap<>(params);
  }
}
