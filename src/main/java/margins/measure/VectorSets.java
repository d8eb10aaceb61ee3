package margins.measure;

/** Argument checks shared by the metrics: sets of feature vectors must be non-empty, rectangular and finite. */
final class VectorSets {

  private VectorSets() {}

  /** Returns the common dimension of {@code set}, or throws naming {@code what}. */
  static int requireSet(float[][] set, String what) {
    if (set == null || set.length == 0) {
      throw new IllegalArgumentException(what + " must hold at least one vector, got none");
    }
    if (set[0] == null || set[0].length == 0) {
      throw new IllegalArgumentException(what + " vectors must have dimension >= 1");
    }
    int d = set[0].length;
    for (int i = 0; i < set.length; i++) {
      float[] v = set[i];
      if (v == null || v.length != d) {
        throw new IllegalArgumentException(
            what + " vector " + i + " has dimension " + (v == null ? "null" : v.length) + ", expected " + d);
      }
      for (float x : v) {
        if (!Float.isFinite(x)) {
          throw new IllegalArgumentException(what + " vector " + i + " holds a non-finite value " + x);
        }
      }
    }
    return d;
  }

  /** Checks that both sets share one dimension and returns it. */
  static int requireSameDimension(float[][] a, String aName, float[][] b, String bName) {
    int da = requireSet(a, aName);
    int db = requireSet(b, bName);
    if (da != db) {
      throw new IllegalArgumentException(
          aName + " have dimension " + da + " but " + bName + " have dimension " + db + "; they must match");
    }
    return da;
  }

  /** Exact squared Euclidean distance, summed in double in index order: the arbiter of every boundary decision. */
  static double squared(float[] a, float[] b) {
    double s = 0;
    for (int t = 0; t < a.length; t++) {
      double diff = (double) a[t] - b[t];
      s += diff * diff;
    }
    return s;
  }

  static double squaredNorm(float[] a) {
    double s = 0;
    for (float x : a) {
      s += (double) x * x;
    }
    return s;
  }
}
