package margins.train;

import java.util.Arrays;
import java.util.Locale;
import margins.BadParameter;

/**
 * How long to train, by name: the steps of each phase of the two-stage model (autoencoder, adversarial fine-tune,
 * flow) and of the VAE, with what each costs at 64x64 on two CPU cores, from Margins' own speeds on the demo archive
 * (bench/run.sh on a 2-core AMD EPYC guest: 187 images/s an autoencoder step of 32, 75 an adversarial one, 16,000
 * codes/s a flow step of 256; the demo's standard run took 443 s of training).
 */
public enum Preset {
  QUICK(800, 150, 1000, 2000, "about 4 min two-stage, 6 min VAE"),
  STANDARD(1500, 300, 2000, 6000, "about 7 min two-stage, 19 min VAE"),
  LONG(3000, 1000, 4000, 12000, "about 17 min two-stage, 38 min VAE");

  private final int aeSteps;
  private final int ganSteps;
  private final int flowSteps;
  private final int vaeSteps;
  private final String cost;

  Preset(int aeSteps, int ganSteps, int flowSteps, int vaeSteps, String cost) {
    this.aeSteps = aeSteps;
    this.ganSteps = ganSteps;
    this.flowSteps = flowSteps;
    this.vaeSteps = vaeSteps;
    this.cost = cost;
  }

  /** The preset with this name (quick, standard, long); anything else is refused with the list. */
  public static Preset byName(String name) {
    for (Preset p : values()) {
      if (p.id().equals(name)) {
        return p;
      }
    }
    throw new BadParameter("no preset '" + name + "'; presets: " + Arrays.stream(values()).map(Preset::id).toList());
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int aeSteps() {
    return aeSteps;
  }

  public int ganSteps() {
    return ganSteps;
  }

  public int flowSteps() {
    return flowSteps;
  }

  public int vaeSteps() {
    return vaeSteps;
  }

  /** The two-stage model's steps under this preset, for a progress line. */
  public String twoStageSteps() {
    return id() + ": autoencoder " + aeSteps + ", adversarial " + ganSteps + ", flow " + flowSteps + " steps";
  }

  /** One line for help: the steps and the time they take. */
  public String describe() {
    return id() + ": autoencoder " + aeSteps + ", adversarial " + ganSteps + ", flow " + flowSteps + " steps; VAE "
        + vaeSteps + " steps (" + cost + ")";
  }
}
