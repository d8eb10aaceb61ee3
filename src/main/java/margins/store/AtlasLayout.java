package margins.store;

import tagbio.umap.Umap;

/**
 * Two-dimensional maps of vectors, each scaled into [0, 1] x [0, 1]: the first two principal components, and UMAP
 * (McInnes et al. 2018, the tagbio umap-java implementation) from a seed, on one thread so the same vectors and seed
 * give the same map.
 */
public final class AtlasLayout {

  /** UMAP's neighbourhood and minimum distance: its defaults. */
  static final int NEIGHBOURS = 15;

  static final float MIN_DIST = 0.1f;

  private AtlasLayout() {}

  /** (n, 2): the first two principal components. */
  public static float[][] pca(float[][] vectors, long seed) {
    Pca p = Pca.fit(vectors, 2, 20_000, seed);
    float[][] out = new float[vectors.length][];
    for (int i = 0; i < vectors.length; i++) {
      float[] xy = p.project(vectors[i]);
      out[i] = new float[] {xy[0], xy.length > 1 ? xy[1] : 0f};
    }
    return unit(out);
  }

  /** (n, 2): UMAP from the seed; fewer points than its neighbourhood fall back on PCA. */
  public static float[][] umap(float[][] vectors, long seed) {
    if (vectors.length <= NEIGHBOURS + 1) {
      return pca(vectors, seed);
    }
    Umap u = new Umap();
    u.setNumberComponents(2);
    u.setNumberNearestNeighbours(NEIGHBOURS);
    u.setMinDist(MIN_DIST);
    u.setSeed(seed);
    u.setThreads(1);
    u.setVerbose(false);
    return unit(u.fitTransform(vectors));
  }

  /** Scales each axis into [0, 1] (a constant axis goes to 0.5). */
  static float[][] unit(float[][] xy) {
    for (int axis = 0; axis < 2; axis++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      for (float[] p : xy) {
        lo = Math.min(lo, p[axis]);
        hi = Math.max(hi, p[axis]);
      }
      for (float[] p : xy) {
        p[axis] = hi > lo ? (p[axis] - lo) / (hi - lo) : 0.5f;
      }
    }
    return xy;
  }
}
