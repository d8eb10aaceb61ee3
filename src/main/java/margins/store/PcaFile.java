package margins.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import margins.Files2;

/** The approximate index's principal components: fitted on an even sample of a space's vectors, kept beside it. */
final class PcaFile {

  /** Vectors the components are fitted on, at most. */
  static final int SAMPLE = 20_000;

  private PcaFile() {}

  static Pca fit(Store store, String space, int k) {
    long n = HnswIndex.rowsUpTo(store, space, Long.MAX_VALUE);
    long step = Math.max(1, n / SAMPLE);
    List<float[]> sample = store.read(c -> {
      List<float[]> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT vector FROM vectors WHERE space = ? ORDER BY rowid")) {
        p.setString(1, space);
        try (ResultSet rs = p.executeQuery()) {
          for (long i = 0; rs.next(); i++) {
            if (i % step == 0) {
              out.add(Blobs.floats(rs.getBytes(1)));
            }
          }
        }
      }
      return out;
    });
    if (sample.isEmpty()) {
      // An empty space: any axes do; the first vectors added are projected on them until the index is rebuilt.
      return new Pca(new float[0], new float[0][0], new double[0]);
    }
    return Pca.fit(sample.toArray(float[][]::new), k, SAMPLE, 0L);
  }

  static void write(Path file, Pca pca) {
    int k = pca.axes().length;
    int d = pca.mean().length;
    ByteBuffer b = ByteBuffer.allocate(8 + 4 * d + 4 * k * d + 8 * k).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(k).putInt(d);
    for (float f : pca.mean()) {
      b.putFloat(f);
    }
    for (float[] axis : pca.axes()) {
      for (float f : axis) {
        b.putFloat(f);
      }
    }
    for (double v : pca.variances()) {
      b.putDouble(v);
    }
    Files2.writeAtomic(file, b.array());
  }

  static Pca read(Path file) {
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
      int k = b.getInt();
      int d = b.getInt();
      float[] mean = new float[d];
      for (int j = 0; j < d; j++) {
        mean[j] = b.getFloat();
      }
      float[][] axes = new float[k][d];
      for (float[] axis : axes) {
        for (int j = 0; j < d; j++) {
          axis[j] = b.getFloat();
        }
      }
      double[] variances = new double[k];
      for (int c = 0; c < k; c++) {
        variances[c] = b.getDouble();
      }
      return new Pca(mean, axes, variances);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
