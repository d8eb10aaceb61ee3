package margins.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with its moments kept where a checkpoint can save them (DJL's own keeps them private), and a
 * global gradient-norm bound: a resumed run continues with the same optimiser state it stopped with.
 */
public final class Adam {

  private static final double EPS = 1e-8;

  private final double b1;
  private final double b2;
  private final List<Parameter> params;
  private final List<NDArray> m = new ArrayList<>();
  private final List<NDArray> v = new ArrayList<>();
  private int t;

  public Adam(List<Parameter> params, NDManager manager) {
    this(params, manager, 0.9, 0.999);
  }

  /** Adam with its own decay rates (an adversarial phase wants 0.5 and 0.99). */
  public Adam(List<Parameter> params, NDManager manager, double b1, double b2) {
    this.b1 = b1;
    this.b2 = b2;
    this.params = params;
    for (Parameter p : params) {
      m.add(manager.zeros(p.getArray().getShape()));
      v.add(manager.zeros(p.getArray().getShape()));
    }
  }

  /** Steps taken so far. */
  public int steps() {
    return t;
  }

  /** The first and second moments, in parameter order, for checkpoints. */
  public List<NDArray> moments() {
    List<NDArray> all = new ArrayList<>(m);
    all.addAll(v);
    return all;
  }

  /** Restores moments saved by {@link #moments()} and the step count. */
  public void restore(List<float[]> moments, int steps) {
    if (moments.size() != 2 * params.size()) {
      throw new IllegalArgumentException("optimiser state has " + moments.size() + " arrays, expected " + 2 * params.size());
    }
    for (int i = 0; i < params.size(); i++) {
      m.get(i).set(moments.get(i));
      v.get(i).set(moments.get(params.size() + i));
    }
    t = steps;
  }

  /** The gradients' global L2 norm. */
  public double gradNorm() {
    double sq = 0;
    for (Parameter p : params) {
      sq += p.getArray().getGradient().square().sum().getFloat();
    }
    return Math.sqrt(sq);
  }

  /** One update; gradients are scaled down first when their global norm exceeds `clip` (0: never). */
  public void step(double lr, double clip, double norm) {
    t++;
    float scale = (float) (clip > 0 && norm > clip ? clip / norm : 1.0);
    double c1 = 1 - Math.pow(b1, t);
    double c2 = 1 - Math.pow(b2, t);
    float stepSize = (float) (lr * Math.sqrt(c2) / c1);
    float epsHat = (float) (EPS * Math.sqrt(c2));
    for (int i = 0; i < params.size(); i++) {
      NDArray w = params.get(i).getArray();
      NDArray g = w.getGradient().mul(scale);
      m.get(i).muli((float) b1).addi(g.mul((float) (1 - b1)));
      v.get(i).muli((float) b2).addi(g.square().muli((float) (1 - b2)));
      // w -= lr * sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps * sqrt(1-b2^t)): Adam's update, rearranged
      w.subi(m.get(i).div(v.get(i).sqrt().addi(epsHat)).muli(stepSize));
    }
  }
}
