package margins.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.bend.ActivationNoise;
import margins.bend.Bend;
import margins.bend.BendConfig;
import margins.bend.OperationText;
import picocli.CommandLine.Option;

/** Bends and activation noise as `bend` and `walk` take them: --config, then each --op, and --noise. */
public final class BendOptions {

  @Option(names = "--op", paramLabel = "LAYER:OP[:K=V,..[:CHANNELS]]",
      description = "A bend (repeatable, applied in order), e.g. up1:rotate:degrees=90 or up2:flip-h::0-7.")
  List<String> ops = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "A bending config: a JSON list of"
      + " {\"layer\",\"op\",\"params\",\"channels\"} (or YAML in a .yaml or .yml file), applied before any --op.")
  Path config;

  @Option(names = "--noise", paramLabel = "LAYER:STRENGTH[:SEED]", description = "Activation noise on a layer"
      + " (repeatable): strength x N(0,1) per activation, from the seed (default 0).")
  List<String> noise = new ArrayList<>();

  /** The bends: the config's first, then each --op. */
  public List<Bend> bends() {
    List<Bend> bends = new ArrayList<>();
    if (config != null) {
      bends.addAll(BendConfig.read(config));
    }
    bends.addAll(OperationText.bends(ops));
    return bends;
  }

  /** The activation noise, in the order given. */
  public List<ActivationNoise> noises() {
    return noise.stream().map(OperationText::noise).toList();
  }
}
