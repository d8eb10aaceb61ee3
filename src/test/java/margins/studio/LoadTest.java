package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Fifty pages at once on loopback, scaled to five seconds for CI (`margins bench studio` runs the full minute): no
 * acknowledged act is missing from the journal, nothing fails but 'busy', and memory stays bounded.
 */
class LoadTest {

  @Test
  void fiftyPagesAtOnceLoseNoActAndKeepMemoryBounded() throws Exception {
    try (StudioFixture f = new StudioFixture()) {
      Load.Result r = Load.run(f.server, 50, Duration.ofSeconds(5));
      System.out.println("studio load: " + r);
      assertEquals(0, r.errors(), "no failures besides busy answers");
      assertEquals(0, r.lost(), "every acknowledged act is in the journal");
      assertTrue(r.acts() >= 50, "each page got at least its first grid through: " + r.acts());
      assertTrue(r.busy() > 0, "the queue said busy rather than growing");
      assertTrue(r.cached() <= Studio.CACHED, "explorations in memory are bounded");
      assertTrue(r.heapAfterMb() < 600, "heap after: " + r.heapAfterMb() + " MB");
    }
  }
}
