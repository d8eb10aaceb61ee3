package margins.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.Files2;
import margins.Hashes;
import margins.Json;
import margins.MarginsException;
import margins.network.AutoEncoder;
import margins.network.FlowNet;
import margins.network.PatchCritic;

/**
 * A two-stage model in one file (format 2, whose header names its kind): a JSON header (architectures, phase, step,
 * the codes' statistics once the flow phase has begun), the autoencoder's weights, the critic's when the run has an
 * adversarial phase, the flow's, and the optimiser moments of the phase it was written in. Written atomically.
 */
public final class TwoStageCheckpoint {

  /** The kind a format-2 header names for this model. */
  public static final String KIND = "two-stage";

  /**
   * What the checkpoint says about itself.
   *
   * @param kind always {@link #KIND}
   * @param twoStage the architectures and phases (the run's held-out list stays in its config.json: a header has
   *     at most 64 KB)
   * @param train the training options
   * @param phase the phase whose optimiser moments follow the weights
   * @param codeMean the codes' per-dimension mean (null before the flow phase)
   * @param codeSd the codes' per-dimension standard deviation (null before the flow phase)
   */
  public record Header(String kind, TwoStageConfig twoStage, TrainConfig train, String archiveHash, int step,
      String phase, double loss, float[] codeMean, float[] codeSd) {}

  /** A loaded checkpoint: the header, the networks (critic null without an adversarial phase), moments, hash. */
  public record Loaded(Header header, AutoEncoder ae, PatchCritic critic, FlowNet flow, List<float[]> moments,
      String sha256) implements AutoCloseable {

    @Override
    public void close() {
      ae.close();
      flow.close();
      if (critic != null) {
        critic.close();
      }
    }
  }

  private TwoStageCheckpoint() {}

  /** Saves atomically; returns the file's SHA-256. */
  public static String write(Path file, Header header, AutoEncoder ae, PatchCritic critic, FlowNet flow,
      List<NDArray> moments) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(Checkpoint.MAGIC_2);
      out.writeUTF(Json.line(header));
      ae.saveParameters(out);
      if (critic != null) {
        critic.saveParameters(out);
      }
      flow.saveParameters(out);
      Checkpoint.writeMoments(out, moments);
      out.flush();
      byte[] data = bytes.toByteArray();
      Files2.writeAtomic(file, data);
      return Hashes.sha256(data);
    } catch (IOException e) {
      throw new MarginsException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
    }
  }

  /** Loads a checkpoint onto a device: the networks with their weights, and the optimiser moments. */
  public static Loaded read(Path file, Device device) {
    byte[] data = Checkpoint.bytes(file);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (Checkpoint.format(in, file) != 2) {
        throw new MarginsException(file + " is a VAE checkpoint, not a two-stage one");
      }
      Header h = Json.parse(in.readUTF(), Header.class);
      if (!KIND.equals(h.kind())) {
        throw new MarginsException(file + " holds a model of kind '" + h.kind() + "', which this Margins cannot load");
      }
      TwoStageConfig c = h.twoStage();
      AutoEncoder ae = AutoEncoder.create(c.ae(), device, 0);
      PatchCritic critic = c.ganSteps() > 0 ? PatchCritic.create(c.ae().resolution(), device, 0) : null;
      FlowNet flow = FlowNet.create(c.flow(), device, 0);
      Loaded loaded = new Loaded(h, ae, critic, flow, new ArrayList<>(), Hashes.sha256(data));
      try {
        ae.loadParameters(in);
        if (critic != null) {
          critic.loadParameters(in);
        }
        flow.loadParameters(in);
        loaded.moments().addAll(Checkpoint.readMoments(in));
        return loaded;
      } catch (IOException | MalformedModelException | RuntimeException e) {
        loaded.close();
        throw e;
      }
    } catch (IOException | MalformedModelException e) {
      throw new MarginsException("checkpoint " + file + " is damaged or incomplete: " + e.getMessage(), e);
    }
  }
}
