package margins.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LibtorchTest {

  @Test
  void theLoadedLibtorchIsReachedAndItsOneDnnSwitchRoundTrips() {
    Libtorch t = Libtorch.loaded().orElseThrow();
    assertTrue(t.path().getFileName().toString().equals("libtorch_cpu.so"), t.path().toString());
    assertTrue(t.hasOneDnn());
    boolean was = t.oneDnn();
    try {
      t.oneDnn(false);
      assertFalse(t.oneDnn());
      t.oneDnn(true);
      assertTrue(t.oneDnn());
    } finally {
      t.oneDnn(was);
    }
  }

  @Test
  void theBundledOneDnnSaysItsVersion() {
    String v = Libtorch.loaded().orElseThrow().oneDnnVersion();
    assertTrue(v.matches("\\d+\\.\\d+(\\.\\d+)?.*"), v);
  }
}
