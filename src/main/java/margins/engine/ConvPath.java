package margins.engine;

import ai.djl.Device;
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

  /**
   * Where and how convolutions run now on this device, as recipes record it: "cpu:onednn", "cpu:aten" or "gpu:0".
   * Two machines on the same label make the same bits; across labels the last bits may differ.
   */
  public static String label(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu:" + of(device).id();
  }

  /** The path convolutions take now on this device: the GPU's, or oneDNN's or ATen's as libtorch is set. */
  public static ConvPath of(Device device) {
    if (device.isGpu()) {
      return GPU;
    }
    return Libtorch.loaded().map(l -> l.hasOneDnn() && l.oneDnn() ? ONEDNN : ATEN).orElse(ATEN);
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
