package margins.measure;

/**
 * A set of vectors stored dimension-major in blocks, so one query's dot products with a whole block are a
 * vectorisable multiply-add sweep ({@code acc[j] += q[t] * block[t][j]}) rather than a chain of scalar reductions.
 */
final class Columns {

  /** VectorSets per block: at 320 dimensions a block is 320 x 512 floats = 640 KB, about one L2 cache. */
  static final int BLOCK = 512;

  final int size;
  final int dimension;
  /** blocks[b][t * width(b) + j] = vector (b * BLOCK + j), component t. */
  private final float[][] blocks;

  Columns(float[][] vectors) {
    this.size = vectors.length;
    this.dimension = vectors[0].length;
    int count = (size + BLOCK - 1) / BLOCK;
    this.blocks = new float[count][];
    for (int b = 0; b < count; b++) {
      int start = b * BLOCK;
      int w = Math.min(BLOCK, size - start);
      float[] block = new float[dimension * w];
      for (int j = 0; j < w; j++) {
        float[] v = vectors[start + j];
        for (int t = 0; t < dimension; t++) {
          block[t * w + j] = v[t];
        }
      }
      blocks[b] = block;
    }
  }

  int blockCount() {
    return blocks.length;
  }

  int blockStart(int b) {
    return b * BLOCK;
  }

  int blockWidth(int b) {
    return Math.min(BLOCK, size - b * BLOCK);
  }

  /**
   * Writes q . v_j for every vector j of block b into acc[0 .. width). Float products summed over t in index
   * order, so each value is the same whichever thread computes it; its error is at most (d + 1) 2^-24 |q| |v_j|.
   */
  void dots(float[] q, int b, float[] acc) {
    float[] block = blocks[b];
    int w = blockWidth(b);
    java.util.Arrays.fill(acc, 0, w, 0f);
    for (int t = 0; t < dimension; t++) {
      float qt = q[t];
      int base = t * w;
      for (int j = 0; j < w; j++) {
        acc[j] += qt * block[base + j];
      }
    }
  }
}
