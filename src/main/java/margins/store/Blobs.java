package margins.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vectors as database BLOBs: float32, little-endian, no header (the space's row gives the dimension). */
final class Blobs {

  private Blobs() {}

  static byte[] of(float[] v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(v);
    return b.array();
  }

  static float[] floats(byte[] bytes) {
    if (bytes.length % 4 != 0) {
      throw new IllegalArgumentException("a vector BLOB holds whole float32 values, not " + bytes.length + " bytes");
    }
    float[] v = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
    return v;
  }
}
