package margins.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What this machine's CPU says about itself (Linux /proc/cpuinfo and /sys): vendor, model, the vector
 * instruction sets the engine's kernels choose between, and whether cache sizes are reported at all.
 *
 * @param vendor e.g. GenuineIntel, AuthenticAMD
 * @param model the model name
 * @param family the CPU family number
 * @param modelNumber the model number within the family
 * @param cores logical processors this process may use
 * @param isa the vector extensions present, in order of capability
 * @param cachesReported whether /sys lists the caches (guests whose CPUID cache leaves are empty do not)
 */
public record Cpu(String vendor, String model, int family, int modelNumber, int cores, List<String> isa,
    boolean cachesReported) {

  /** The extensions worth naming, weakest first: they decide which kernels oneDNN and ATen dispatch to. */
  static final List<String> EXTENSIONS = List.of("sse4_1", "avx", "avx2", "fma", "avx_vnni", "avx512f", "avx512bw",
      "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8");

  /** Reads the CPU of this machine; fields it cannot read are "unknown" or -1. */
  public static Cpu here() {
    return parse(read(Path.of("/proc/cpuinfo")), Files.isDirectory(Path.of("/sys/devices/system/cpu/cpu0/cache")),
        Runtime.getRuntime().availableProcessors());
  }

  /** Parses the first processor's block of a /proc/cpuinfo text. */
  static Cpu parse(String cpuinfo, boolean cachesReported, int cores) {
    String vendor = "unknown";
    String model = "unknown";
    int family = -1;
    int number = -1;
    Set<String> flags = new TreeSet<>();
    for (String line : cpuinfo.split("\n")) {
      if (line.isBlank()) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      switch (key) {
        case "vendor_id" -> vendor = value;
        case "model name" -> model = value;
        case "cpu family" -> family = parseInt(value);
        case "model" -> number = parseInt(value);
        case "flags" -> flags.addAll(Arrays.asList(value.split("\\s+")));
        default -> { }
      }
    }
    List<String> isa = new ArrayList<>();
    for (String e : EXTENSIONS) {
      if (flags.contains(e)) {
        isa.add(e);
      }
    }
    return new Cpu(vendor, model, family, number, cores, List.copyOf(isa), cachesReported);
  }

  /** Whether this looks like the machines where oneDNN 3.7 mis-sizes its blocking: AMD, no cache sizes. */
  public boolean amdWithoutCaches() {
    return vendor.equals("AuthenticAMD") && !cachesReported;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
