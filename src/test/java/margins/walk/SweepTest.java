package margins.walk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import margins.Json;
import margins.bend.ActivationNoise;
import margins.bend.Operations;
import org.junit.jupiter.api.Test;

class SweepTest {

  @Test
  void theCompactFormReadsLayerOpParameterRangeShapeAndCycles() {
    Sweep s = Sweep.parse("up1:scale:factor=0.5..2:sine,cycles=3");
    assertEquals("up1", s.layer());
    assertEquals("scale", s.op());
    assertEquals("factor", s.param());
    assertEquals("sine", s.schedule().shape());
    assertEquals(0.5, s.schedule().from());
    assertEquals(2.0, s.schedule().to());
    assertEquals(3, s.schedule().cycles());
    assertEquals("linear", Sweep.parse("up2:rotate:degrees=-90..90").schedule().shape());
    assertTrue(Sweep.parse("up2:noise:strength=0..1").isNoise());
  }

  @Test
  void badSweepsNameWhatIsAllowed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("up1:rotate"))
        .getMessage().contains("LAYER:OP:PARAM=FROM..TO"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("up1:rotate:spin=0..1"))
        .getMessage().contains("allowed: degrees, nearest"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("up1:noise:seed=0..1"))
        .getMessage().contains("strength"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("up1:rotate:degrees=0..x"))
        .getMessage().contains("not a finite number"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("up1:rotate:degrees=0..9:wobble"))
        .getMessage().contains("shape must be one of"));
  }

  @Test
  void aSweepMovesTheFirstMatchingOperationOrAddsOne() {
    JsonNode noise = Operations.of("noise", new ActivationNoise("up1", 0.3, 4));
    List<Sweep> sweeps = List.of(Sweep.parse("up1:noise:strength=0..2"), Sweep.parse("up2:rotate:degrees=0..360"));
    List<List<JsonNode>> frames = FrameOps.perFrame(List.of(noise), sweeps, 4);
    assertEquals(4, frames.size());
    assertEquals(2, frames.get(1).size());
    assertEquals(0.5, frames.get(1).get(0).path("strength").asDouble(), 1e-12);
    assertEquals(4, frames.get(1).get(0).path("seed").asLong());
    assertEquals(90.0, frames.get(1).get(1).path("params").path("degrees").asDouble(), 1e-12);
    assertEquals(0.3, noise.path("strength").asDouble(), "the fixed operation is not changed");
  }

  @Test
  void aRangeThatLeavesTheParametersBoundsIsRefusedBeforeAnyFrame() {
    List<Sweep> sweeps = List.of(Sweep.parse("up2:scale:factor=1..500"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameOps.check(List.of(), sweeps));
    assertTrue(e.getMessage().contains("'to' end"), e.getMessage());
  }

  @Test
  void sweepsRoundTripThroughJson() {
    Sweep s = Sweep.parse("up1:translate:dx=-3..3:ping-pong,cycles=2");
    assertEquals(s, Json.parse(Json.line(s), Sweep.class));
  }
}
