package margins.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelfCheckTest {

  static final int N = 16_384;
  final Libtorch torch = Libtorch.loaded().orElseThrow();

  @AfterEach
  void backToTheDefaultPath() {
    SelfCheck.forget();
    torch.oneDnn(true);
  }

  /** Work whose result the test decides per path: `fast` runs when oneDNN is on, the plain sum otherwise. */
  Workload work(Function<NDManager, NDArray> fast) {
    return new Workload(fast);
  }

  final class Workload implements SelfCheck.Workload {
    final Function<NDManager, NDArray> fast;
    final float[] data = new float[N];

    Workload(Function<NDManager, NDArray> fast) {
      this.fast = fast;
      for (int i = 0; i < N; i++) {
        data[i] = (float) Math.sin(i);
      }
    }

    @Override
    public String key() {
      return "test " + System.identityHashCode(this);
    }

    @Override
    public List<float[]> run() {
      try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
        NDArray x = m.create(data);
        NDArray y = torch.oneDnn() ? fast.apply(m).add(x) : x.add(x.zerosLike());
        return List.of(y.toFloatArray());
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void memoryPoisonedWithNanIsWhatTheNextUninitialisedArrayHolds() {
    // Where the allocator places the next block is its own affair: now and then it carves it from memory the poison
    // did not reach. So poison and allocate a few times; the poison must show in a good share of one of them.
    List<Long> counts = new ArrayList<>();
    for (int attempt = 0; attempt < 5 && (counts.isEmpty() || counts.get(counts.size() - 1) <= N / 4); attempt++) {
      SelfCheck.poison(Float.NaN);
      try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
        float[] fresh = m.create(new Shape(N)).toFloatArray(); // torch.empty: whatever the allocator hands out
        long nans = 0;
        for (float v : fresh) {
          nans += Float.isNaN(v) ? 1 : 0;
        }
        counts.add(nans);
      }
    }
    assertTrue(counts.get(counts.size() - 1) > N / 4, "NaN values in each attempt, of " + N + ": " + counts);
  }

  @Test
  void aFastPathThatReadsMemoryItNeverWroteFailsAndTheReferenceIsUsedInstead() {
    SelfCheck.Result r = SelfCheck.check(work(m -> m.create(new Shape(N))), Device.cpu());
    assertEquals(SelfCheck.Verdict.FAILED_SWITCHED, r.verdict());
    assertEquals(ConvPath.ATEN, r.path());
    assertFalse(torch.oneDnn(), "oneDNN is switched off");
    assertTrue(r.detail().contains("never wrote") || r.detail().contains("differently poisoned"), r.detail());
    assertTrue(r.trusted());
  }

  @Test
  void aFastPathThatComputesSomethingElseFails() {
    SelfCheck.Result r = SelfCheck.check(work(m -> m.ones(new Shape(N)).mul(0.05f)), Device.cpu());
    assertEquals(SelfCheck.Verdict.FAILED_SWITCHED, r.verdict());
    assertTrue(r.error() > SelfCheck.TOLERANCE, "error " + r.error());
    assertTrue(r.detail().contains("differs from the reference"), r.detail());
  }

  @Test
  void aFastPathThatAgreesWithTheReferenceIsKept() {
    SelfCheck.Result r = SelfCheck.check(work(m -> m.zeros(new Shape(N))), Device.cpu());
    assertEquals(SelfCheck.Verdict.PASSED, r.verdict());
    assertEquals(ConvPath.ONEDNN, r.path());
    assertTrue(torch.oneDnn());
    assertEquals(0.0, r.error());
  }

  @Test
  void eachWorkloadIsCheckedOnceAndSetsThePathItsCheckChose() {
    Workload bad = work(m -> m.ones(new Shape(N)));
    Workload good = work(m -> m.zeros(new Shape(N)));
    SelfCheck.Result first = SelfCheck.ensure(bad, Device.cpu());
    assertEquals(ConvPath.ATEN, first.path());
    assertFalse(torch.oneDnn());
    assertEquals(ConvPath.ONEDNN, SelfCheck.ensure(good, Device.cpu()).path());
    assertTrue(torch.oneDnn(), "a network that passed trains on the fast path");
    assertSame(first, SelfCheck.ensure(bad, Device.cpu()), "the first result, kept");
    assertFalse(torch.oneDnn(), "and the path it chose, applied again");
  }

  @Test
  void aGpuNeedsNoCheck() {
    SelfCheck.Result r = SelfCheck.check(work(m -> m.ones(new Shape(N))), Device.gpu());
    assertEquals(SelfCheck.Verdict.NOT_NEEDED, r.verdict());
    assertEquals(ConvPath.GPU, r.path());
  }

  @Test
  void theErrorIsTheRelativeEuclideanDistanceOfTheWorstArray() {
    List<float[]> ref = List.of(new float[] {3, 4}, new float[] {1, 0});
    List<float[]> near = List.of(new float[] {3, 4}, new float[] {1.5f, 0});
    assertEquals(0.5, SelfCheck.error(near, ref), 1e-9);
    assertEquals(0.0, SelfCheck.error(ref, ref));
    assertEquals(Double.POSITIVE_INFINITY,
        SelfCheck.error(List.of(new float[] {Float.NaN, 4}, new float[] {1, 0}), ref));
  }
}
