package margins.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.Files2;
import margins.Hashes;
import margins.Json;
import margins.MarginsException;
import margins.network.Vae;
import margins.network.VaeConfig;

/**
 * One file holding a model: a JSON header (architecture, archive hash, step), the weights, and Adam's
 * moments. Written to a temporary file and renamed, so a kill at any moment leaves the last one whole.
 */
public final class Checkpoint {

  /** Format 1: a VAE, the only kind there was; its bytes are unchanged so old checkpoints load and redo. */
  private static final byte[] MAGIC = "MARGINS-CKPT-1\n".getBytes(StandardCharsets.US_ASCII);
  /** Format 2: the header names the model's kind (see {@link TwoStageCheckpoint}). */
  static final byte[] MAGIC_2 = "MARGINS-CKPT-2\n".getBytes(StandardCharsets.US_ASCII);

  /** What a checkpoint says about itself. */
  public record Header(VaeConfig vae, String archiveHash, int step, double loss, TrainConfig train) {}

  /** A loaded checkpoint: its header, the rebuilt network, the optimiser moments, the file's hash. */
  public record Loaded(Header header, Vae vae, List<float[]> moments, String sha256) {}

  private Checkpoint() {}

  /** Saves atomically; returns the file's SHA-256. */
  public static String write(Path file, Header header, Vae vae, Adam adam) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeUTF(Json.line(header));
      vae.saveParameters(out);
      writeMoments(out, adam == null ? List.of() : adam.moments());
      out.flush();
      byte[] data = bytes.toByteArray();
      Files2.writeAtomic(file, data);
      return Hashes.sha256(data);
    } catch (IOException e) {
      throw new MarginsException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** A checkpoint file's bytes, read whole (its hash and its contents come from the same read). */
  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MarginsException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** Optimiser moments after the weights, in both formats: their count, then each one's length and floats. */
  static void writeMoments(DataOutputStream out, List<NDArray> moments) throws IOException {
    out.writeInt(moments.size());
    for (NDArray a : moments) {
      float[] f = a.toFloatArray();
      out.writeInt(f.length);
      for (float x : f) {
        out.writeFloat(x);
      }
    }
  }

  /** The moments {@link #writeMoments} wrote. */
  static List<float[]> readMoments(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<float[]> moments = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] f = new float[in.readInt()];
      for (int j = 0; j < f.length; j++) {
        f[j] = in.readFloat();
      }
      moments.add(f);
    }
    return moments;
  }

  /** Reads only the header, to list or check a checkpoint without building the network. */
  public static Header header(Path file) {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      return readHeader(in, file);
    } catch (IOException e) {
      throw new MarginsException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** Loads a checkpoint onto a device: the network with its weights, and the optimiser moments. */
  public static Loaded read(Path file, Device device) {
    byte[] data = bytes(file);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      Header h = readHeader(in, file);
      Vae vae = Vae.create(h.vae(), device, 0);
      try {
        vae.loadParameters(in);
        return new Loaded(h, vae, readMoments(in), Hashes.sha256(data));
      } catch (IOException | MalformedModelException | RuntimeException e) {
        vae.close();
        throw e;
      }
    } catch (IOException | MalformedModelException e) {
      throw new MarginsException("checkpoint " + file + " is damaged or incomplete: " + e.getMessage(), e);
    }
  }

  private static Header readHeader(DataInputStream in, Path file) throws IOException {
    if (format(in, file) != 1) {
      throw new MarginsException(file + " is a two-stage checkpoint, not a VAE one: load it as a model");
    }
    return Json.parse(in.readUTF(), Header.class);
  }

  /** The format a checkpoint's first bytes name: 1 (a VAE) or 2 (a header naming its kind). */
  static int format(DataInputStream in, Path file) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (java.util.Arrays.equals(magic, MAGIC)) {
      return 1;
    }
    if (java.util.Arrays.equals(magic, MAGIC_2)) {
      return 2;
    }
    throw new MarginsException(file + " is not a Margins checkpoint");
  }

  /** The model a checkpoint holds, from its first bytes: "vae" or "two-stage". */
  public static String kind(Path file) {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      return format(in, file) == 1 ? "vae" : TwoStageCheckpoint.KIND;
    } catch (IOException e) {
      throw new MarginsException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** The checkpoint's SHA-256: what recipes name it by. */
  public static String sha256(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MarginsException("cannot read " + file + ": no such file");
    }
    return Hashes.sha256(file);
  }
}
