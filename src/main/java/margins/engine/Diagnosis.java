package margins.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What `margins doctor` finds: the CPU, the engine's versions, which convolution path is in use, and the
 * self-check's result on the networks Margins trains.
 *
 * @param cpu the CPU as it describes itself
 * @param engine engine name and libtorch version
 * @param djl DJL's version
 * @param libtorch the file DJL loaded, or "unknown"
 * @param oneDnn the bundled oneDNN's version, or "none"
 * @param threads the engine's threads (OMP_NUM_THREADS, else the core count)
 * @param environment the variables that steer the kernels, as set (MARGINS_CONV, DNNL_MAX_CPU_ISA, ...)
 * @param paddedChannels oneDNN against the reference on the shape that fails on some AMD guests (null: no oneDNN)
 * @param checks the self-check's result per network, in order
 * @param path the path convolutions use after the checks
 */
public record Diagnosis(Cpu cpu, String engine, String djl, String libtorch, String oneDnn, int threads,
    Map<String, String> environment, SelfCheck.Comparison paddedChannels, List<Check> checks, ConvPath path) {

  /** Variables that change which kernels run; doctor shows the ones that are set. */
  static final List<String> STEERING = List.of(ConvPath.ENV, "DNNL_MAX_CPU_ISA", "ONEDNN_MAX_CPU_ISA",
      "ATEN_CPU_CAPABILITY", "MKL_ENABLE_INSTRUCTIONS", "MKL_CBWR", "OMP_NUM_THREADS");

  /**
   * One network's self-check.
   *
   * @param network what was checked, in words
   * @param result what the check found
   */
  public record Check(String network, SelfCheck.Result result) {}

  /** Gathers everything, running the self-check on each network workload (and closing them). */
  public static Diagnosis gather(List<SelfCheck.Workload> networks, Device device) {
    Engine e = Engines.engine();
    Optional<Libtorch> lib = Libtorch.loaded();
    String oneDnn = lib.filter(Libtorch::hasOneDnn).map(Libtorch::oneDnnVersion).orElse("none");
    SelfCheck.Comparison padded = null;
    if (!device.isGpu() && lib.isPresent() && lib.get().hasOneDnn()) {
      try (PaddedChannelsProbe probe = new PaddedChannelsProbe()) {
        padded = SelfCheck.compare(probe, lib.get());
      }
    }
    List<Check> checks = new ArrayList<>();
    for (SelfCheck.Workload w : networks) {
      try (w) {
        checks.add(new Check(w.key(), SelfCheck.ensure(w, device)));
      }
    }
    ConvPath path = ConvPath.of(device);
    Map<String, String> env = new java.util.LinkedHashMap<>();
    for (String v : STEERING) {
      if (System.getenv(v) != null) {
        env.put(v, System.getenv(v));
      }
    }
    String omp = System.getenv("OMP_NUM_THREADS");
    int threads = omp != null && omp.matches("\\d+") ? Integer.parseInt(omp) : Runtime.getRuntime().availableProcessors();
    return new Diagnosis(Cpu.here(), e.getEngineName() + " " + e.getVersion(), Engine.getDjlVersion(),
        lib.map(l -> l.path().toString()).orElse("unknown"), oneDnn, threads, env, padded, checks, path);
  }

  /** The report as lines of text, for a terminal. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(String.format("cpu:         %s (%s, family %d, model %d), %d cores", cpu.model(), cpu.vendor(),
        cpu.family(), cpu.modelNumber(), cpu.cores()));
    out.add("isa:         " + (cpu.isa().isEmpty() ? "none of " + Cpu.EXTENSIONS : String.join(" ", cpu.isa())));
    out.add("caches:      " + (cpu.cachesReported() ? "reported"
        : "not reported (/sys/devices/system/cpu/cpu0/cache is absent: a guest whose CPUID cache leaves are empty)"));
    out.add("engine:      " + engine + " through DJL " + djl + ", " + threads + " threads");
    out.add("libtorch:    " + libtorch);
    out.add("oneDNN:      " + oneDnn);
    out.add("environment: " + (environment.isEmpty() ? "nothing that steers the kernels is set" : environment));
    if (paddedChannels != null) {
      out.add("padded-channel backward (oneDNN's fault on AMD guests): " + (paddedChannels.passed()
          ? "correct on this CPU"
          : "WRONG on this CPU, oneDNN " + paddedChannels.why() + " (Margins' networks avoid this shape)"));
    }
    for (Check c : checks) {
      SelfCheck.Result r = c.result();
      out.add(String.format("self-check:  %s: %s, %s (%.0f ms)", c.network(), r.verdict().name().toLowerCase()
          .replace('_', ' '), r.detail(), r.millis()));
    }
    out.add("path:        convolutions use " + path.label() + (path == ConvPath.ONEDNN ? " (the fast path)" : ""));
    return out;
  }
}
