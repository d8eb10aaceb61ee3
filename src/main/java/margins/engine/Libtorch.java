package margins.engine;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What DJL does not expose of the libtorch it loaded: the global context's switches for oneDNN and NNPACK, and
 * the build's versions, reached through JNA on the very library DJL mapped (found in /proc/self/maps).
 */
public final class Libtorch {

  // Itanium C++ ABI names, exported by libtorch_cpu.so (checked with nm -D on 2.5.1 and 2.7.1).
  private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
  private static final String SET_MKLDNN = "_ZN2at7Context20setUserEnabledMkldnnEb";
  private static final String GET_MKLDNN = "_ZNK2at7Context17userEnabledMkldnnEv";
  private static final String HAS_MKLDNN = "_ZN2at7Context9hasMKLDNNEv";
  private static final String SET_NNPACK = "_ZN2at7Context20setUserEnabledNNPACKEb";
  private static final String MKLDNN_VERSION = "_ZN2at18get_mkldnn_versionB5cxx11Ev";

  private static volatile Libtorch instance;

  private final NativeLibrary library;
  private final Pointer context;
  private final Path path;

  private Libtorch(Path path) {
    this.path = path;
    this.library = NativeLibrary.getInstance(path.toString());
    this.context = library.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
  }

  /** The loaded libtorch, or empty where it cannot be reached (no /proc, another engine build). */
  public static Optional<Libtorch> loaded() {
    Libtorch l = instance;
    if (l == null) {
      synchronized (Libtorch.class) {
        if (instance == null) {
          Engines.engine();
          try {
            instance = mapped("libtorch_cpu.so").map(Libtorch::new).orElse(null);
          } catch (UnsatisfiedLinkError | RuntimeException e) {
            instance = null;
          }
        }
        l = instance;
      }
    }
    return Optional.ofNullable(l);
  }

  /** The file DJL loaded. */
  public Path path() {
    return path;
  }

  /** Whether this build has oneDNN at all. */
  public boolean hasOneDnn() {
    return (library.getFunction(HAS_MKLDNN).invokeInt(new Object[0]) & 0xff) != 0;
  }

  /** Whether convolutions may use oneDNN (PyTorch's `torch.backends.mkldnn.enabled`). */
  public boolean oneDnn() {
    return (library.getFunction(GET_MKLDNN).invokeInt(new Object[] {context}) & 0xff) != 0;
  }

  /** Lets convolutions use oneDNN, or sends them to ATen's own path (im2col and a GEMM). */
  public void oneDnn(boolean enabled) {
    library.getFunction(SET_MKLDNN).invokeVoid(new Object[] {context, enabled});
  }

  /** Lets convolutions try NNPACK; off, ATen never probes for it (nor warns that the CPU lacks it). */
  public void nnpack(boolean enabled) {
    library.getFunction(SET_NNPACK).invokeVoid(new Object[] {context, enabled});
  }

  /** The bundled oneDNN's version as the build reports it (e.g. "3.7.1 (Git Hash ...)"). */
  public String oneDnnVersion() {
    // at::get_mkldnn_version() returns a std::string by value: the caller passes the object's storage as a
    // hidden first argument (x86-64 System V). libstdc++'s layout: char* data at 0, size_t length at 8.
    Memory s = new Memory(32);
    library.getFunction(MKLDNN_VERSION).invokePointer(new Object[] {s});
    long n = s.getLong(8);
    byte[] bytes = s.getPointer(0).getByteArray(0, (int) Math.min(n, 4096));
    String v = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).trim();
    return v.replaceFirst("^Intel\\(R\\) MKL-DNN v", "");
  }

  /** The path of a shared library this process has mapped, read from /proc/self/maps. */
  static Optional<Path> mapped(String name) {
    try {
      return Files.readAllLines(Path.of("/proc/self/maps")).stream()
          .map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .filter(p -> p.endsWith("/" + name))
          .findFirst()
          .map(Path::of);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
