package margins.engine;

import java.util.Locale;
import margins.MarginsException;

/** Which code computes convolutions on the CPU: oneDNN's kernels, or ATen's own (im2col and a GEMM). */
public enum ConvPath {
  /** oneDNN (MKL-DNN) kernels: the fast path. */
  ONEDNN("onednn", "oneDNN"),
  /** ATen's im2col and GEMM: slower, and the reference the fast path is checked against. */
  ATEN("aten", "ATen im2col + GEMM"),
  /** A CUDA device: neither CPU path is used. */
  GPU("gpu", "CUDA");

  /** The environment variable that forces a path: auto (the default), onednn or aten. */
  public static final String ENV = "MARGINS_CONV";

  private final String id;
  private final String label;

  ConvPath(String id, String label) {
    this.id = id;
    this.label = label;
  }

  /** The id a recipe records and MARGINS_CONV accepts. */
  public String id() {
    return id;
  }

  /** The words `margins doctor` uses. */
  public String label() {
    return label;
  }

  /** The path the user forces through MARGINS_CONV, or null for auto. */
  public static ConvPath forced(String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("auto")) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (ConvPath p : new ConvPath[] {ONEDNN, ATEN}) {
      if (p.id.equals(v)) {
        return p;
      }
    }
    throw new MarginsException(ENV + " must be auto, onednn or aten, not '" + value + "'");
  }
}
