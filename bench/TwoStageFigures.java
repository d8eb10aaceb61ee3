import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Locale;
import margins.archive.TrainingSet;
import margins.model.Model;
import margins.model.TrainedOn;
import margins.network.CodeDensity;
import margins.network.Generative;
import margins.network.LayerHook;
import margins.network.Latents;

/**
 * Sharpness figures of a studio's newest two-stage model, as the research script measured them: the mean |Laplacian|
 * of grey images (valid 3x3), relative to the held-out split's. Run from the repository after a build:
 * java -cp "target/margins.jar:target/lib/*" bench/TwoStageFigures.java STUDIO [RUN [SEEDS]]
 */
public final class TwoStageFigures {

  public static void main(String[] args) {
    Path studio = Path.of(args[0]);
    String run = args.length > 1 ? args[1] : null;
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    try (Model model = Model.load(studio, run, null, Device.cpu())) {
      TrainedOn on = TrainedOn.of(studio, model);
      TrainingSet held = on.archive().subset(on.heldOut());
      Generative net = model.vae();
      int r = held.size();
      int n = held.count();
      float[] x = new float[n * 3 * r * r];
      for (int i = 0; i < n; i++) {
        held.copyChw(i, x, i * 3 * r * r, false);
      }
      double ref = laplacian(x, n, r);
      float[] recon;
      try (NDManager m = net.manager().newSubManager()) {
        NDArray codes = net.posterior(m.create(x, new Shape(n, 3, r, r)), false).get(0);
        recon = net.decode(codes, LayerHook.NONE).toFloatArray();
      }
      StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
          "{\"model\":\"%s\",\"heldOut\":%d,\"heldOutLaplacian\":%.5f,\"reconSharpness\":%.3f", model.id(), n, ref,
          laplacian(recon, n, r) / ref));
      CodeDensity density = model.requireDensity("dream figures");
      for (double psi : new double[] {0.7, 1.0, 1.5}) {
        float[] z = new float[seeds * density.latent()];
        for (int s = 0; s < seeds; s++) {
          float[] code = density.dream(new float[][] {Latents.gaussian(s, density.latent())}, psi)[0];
          System.arraycopy(code, 0, z, s * code.length, code.length);
        }
        float[] dreams;
        try (NDManager m = net.manager().newSubManager()) {
          dreams = net.decode(m.create(z, new Shape(seeds, density.latent())), LayerHook.NONE).toFloatArray();
        }
        out.append(String.format(Locale.ROOT, ",\"dreamSharpnessPsi%s\":%.3f", psi, laplacian(dreams, seeds, r) / ref));
      }
      System.out.println(out.append('}'));
    }
  }

  /** Mean |4-neighbour Laplacian| of the grey images over interior pixels; images (N, 3, R, R) in [0, 1]. */
  static double laplacian(float[] x, int n, int r) {
    double sum = 0;
    long count = 0;
    float[] g = new float[r * r];
    for (int i = 0; i < n; i++) {
      int o = i * 3 * r * r;
      for (int p = 0; p < r * r; p++) {
        g[p] = (float) (0.299 * clamp(x[o + p]) + 0.587 * clamp(x[o + r * r + p]) + 0.114 * clamp(x[o + 2 * r * r + p]));
      }
      for (int y = 1; y < r - 1; y++) {
        for (int c = 1; c < r - 1; c++) {
          int p = y * r + c;
          sum += Math.abs(g[p - 1] + g[p + 1] + g[p - r] + g[p + r] - 4 * g[p]);
          count++;
        }
      }
    }
    return sum / count;
  }

  private static double clamp(float v) {
    return Math.max(0, Math.min(1, v));
  }
}
