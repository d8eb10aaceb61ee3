package margins.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.Locale;
import margins.BadParameter;
import margins.MarginsException;

/** Starts DJL's PyTorch engine offline, picks the device, and explains clearly when the natives cannot load. */
public final class Engines {

  private static volatile Engine engine;

  private Engines() {}

  /** The engine, started once; offline, with the native cache in a writable folder. */
  public static Engine engine() {
    Engine e = engine;
    if (e != null) {
      return e;
    }
    synchronized (Engines.class) {
      if (engine == null) {
        engine = start();
        configure();
      }
      return engine;
    }
  }

  private static Engine start() {
    // The native jar on the class path is what keeps DJL offline; this flag also stops telemetry.
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("java.awt.headless", "true");
    // Machines with a CUDA runtime but no GPU make DJL warn at every start; the CPU path is the expected one.
    if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
      String home = System.getProperty("user.home");
      System.setProperty("DJL_CACHE_DIR", Path.of(home, ".cache", "margins", "djl").toString());
    }
    try {
      return Engine.getEngine("PyTorch");
    } catch (Throwable t) {
      throw new MarginsException(
          "the PyTorch engine could not load its native library ("
              + rootMessage(t)
              + "). Margins runs offline with the CPU natives taken from Maven: rebuild with"
              + " './margins --rebuild' (or 'mvn package -DskipTests') so that"
              + " target/lib/pytorch-native-cpu-*.jar is present, make sure DJL_CACHE_DIR"
              + " points to a writable folder with ~500 MB free, and that this is a 64-bit"
              + " Linux on x86-64.",
          t);
    }
  }

  /**
   * Turns NNPACK off (ATen prefers oneDNN on x86, and on CPUs NNPACK does not support it only warns, a dozen
   * times a command) and applies a path forced through MARGINS_CONV.
   */
  private static void configure() {
    Libtorch.loaded().ifPresent(lib -> {
      lib.nnpack(false);
      if (ConvPath.forced(System.getenv(ConvPath.ENV)) == ConvPath.ATEN) {
        lib.oneDnn(false);
      }
    });
  }

  /** Chooses the device: `auto` takes a visible CUDA GPU when its natives are present, else the CPU. */
  public static Device device(String choice) {
    String c = choice == null ? "auto" : choice.toLowerCase(Locale.ROOT);
    int gpus;
    switch (c) {
      case "cpu":
        engine();
        return Device.cpu();
      case "auto":
        gpus = engine().getGpuCount();
        return gpus > 0 ? Device.gpu(0) : Device.cpu();
      case "gpu":
        gpus = engine().getGpuCount();
        if (gpus == 0) {
          throw new MarginsException(
              "--device gpu: no CUDA device is usable. The bundled natives are CPU-only;"
                  + " build with 'mvn -Pcuda package' on a machine with an NVIDIA driver"
                  + " (see README, 'GPU'), or use --device cpu.");
        }
        return Device.gpu(0);
      default:
        throw new BadParameter("--device must be auto, cpu or gpu, not '" + choice + "'");
    }
  }

  /** A short description for logs and run configs: engine version, device and threads. */
  public static String describe(Device device) {
    Engine e = engine();
    return e.getEngineName() + " " + e.getVersion() + " on " + device
        + ", threads " + System.getProperty("ai.djl.pytorch.num_threads", "default");
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    return r.getClass().getSimpleName() + ": " + r.getMessage();
  }
}
