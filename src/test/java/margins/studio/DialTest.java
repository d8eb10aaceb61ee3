package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margins.BadParameter;
import margins.recipe.Regime;
import margins.sample.Sampler;
import margins.sample.SamplerParams;
import margins.sample.Samplers;
import org.junit.jupiter.api.Test;

/** The regime dial's table names samplers that exist, in the right order, with parameters they take. */
class DialTest {

  @Test
  void theDialRunsFromCopyToAlien() {
    assertEquals(List.of("copy", "mimetic", "marginal", "alien"), Dial.STOPS.stream().map(Dial::id).toList());
    assertEquals(Regime.MIMETIC, Samplers.byId(Dial.byId("mimetic").sampler()).regime());
    assertEquals(Regime.ALIEN, Samplers.byId(Dial.byId("alien").sampler()).regime());
  }

  @Test
  void everyStopsSamplersExistTakeTheirParametersAndCanVaryAnImage() {
    for (Dial d : Dial.STOPS) {
      Sampler s = Samplers.byId(d.sampler());
      new SamplerParams(d.params()).allowOnly(s.id(), s.parameters());
      Sampler v = Samplers.byId(d.vary());
      assertTrue(v.takesSource(), d.id() + ": " + v.id() + " varies a given image");
      new SamplerParams(d.varyParams()).allowOnly(v.id(), v.parameters());
    }
    Dial.ALIEN.forEach((id, p) -> {
      assertEquals(Regime.ALIEN, Samplers.byId(id).regime(), id);
      new SamplerParams(p).allowOnly(id, Samplers.byId(id).parameters());
    });
  }

  @Test
  void onAModelWithADensityTheMimeticAndMarginalStopsDrawFromItAndTheOthersStayAsTheyAre() {
    assertEquals("dream", Dial.byId("mimetic", true).sampler());
    assertEquals("density-tail", Dial.byId("marginal", true).sampler());
    assertEquals(Regime.MIMETIC, Samplers.byId(Dial.byId("mimetic", true).sampler()).regime());
    assertEquals(Dial.byId("copy"), Dial.byId("copy", true));
    assertEquals(Dial.byId("alien"), Dial.byId("alien", true));
    for (String id : List.of("mimetic", "marginal")) {
      Dial d = Dial.byId(id, true);
      Sampler s = Samplers.byId(d.sampler());
      new SamplerParams(d.params()).allowOnly(s.id(), s.parameters());
      assertTrue(Samplers.byId(d.vary()).takesSource(), id);
    }
  }

  @Test
  void anUnknownStopIsRefusedWithTheStops() {
    BadParameter e = assertThrows(BadParameter.class, () -> Dial.byId("weird"));
    assertTrue(e.getMessage().contains("[copy, mimetic, marginal, alien]"), e.getMessage());
  }
}
