package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The machine's rules on a fake clock: when it speaks, what it says, and how dismissals and keeps change it. */
class MachineTest {

  static final double BASELINE = 1.0;
  long now = 0;
  int grid = 0;
  int seq = 0;
  final Machine m = new Machine(Voice.NORMAL, BASELINE, 0);

  /** Features: each tile id maps to a point on a line at the number after 't', scaled. */
  final Function<List<String>, float[][]> near = ids -> ids.stream()
      .map(id -> new float[] {Integer.parseInt(id.substring(1)) * 0.01f}).toArray(float[][]::new);
  final Function<List<String>, float[][]> far = ids -> ids.stream()
      .map(id -> new float[] {Integer.parseInt(id.substring(1)) * 1f}).toArray(float[][]::new);

  Optional<Machine.Fired> keep(int tile, String kind, Function<List<String>, float[][]> features) {
    m.kept("t" + tile, kind, "g" + grid);
    return m.atBreakpoint(now, features);
  }

  Optional<Machine.Fired> newGrid() {
    m.gridDelivered("g" + ++grid);
    return m.atBreakpoint(now, far);
  }

  Offer offer(Machine.Fired f) {
    Offer o = new Offer(seq++, now, "o" + seq, f.trigger().id(), f.reason(), f.figures(), f.trigger().offers(),
        List.of(), List.of(), List.of("tail"), null);
    m.offered(o);
    return o;
  }

  void answer(Offer o, String a) {
    m.answered(new Answer(seq++, now, o.id(), a));
  }

  @Test
  void convergingKeepsMakeItSpeakWithTheSpreadInWordsAndFigures() {
    now = 60_000;
    newGrid();
    assertTrue(keep(1, "mimetic", near).isEmpty());
    assertTrue(keep(2, "mimetic", near).isEmpty());
    Machine.Fired f = keep(3, "mimetic", near).orElseThrow();
    assertEquals(Trigger.CONVERGE, f.trigger());
    assertEquals("your last 3 keeps lie within 0.02 of each other; random mimetic samples lie 1.00 apart", f.reason());
    assertEquals(0.02, (double) f.figures().get("spread"), 1e-6);
  }

  @Test
  void keepsThatSpreadOutDoNotConverge() {
    now = 60_000;
    newGrid();
    keep(1, "mimetic", far);
    keep(2, "mimetic", far);
    assertTrue(keep(3, "mimetic", far).isEmpty());
  }

  @Test
  void itWaitsForItsVoicesRoundsAndSeconds() {
    now = 44_000;
    newGrid();
    keep(1, "mimetic", near);
    keep(2, "mimetic", near);
    assertTrue(keep(3, "mimetic", near).isEmpty(), "normal: not before 45 s");
    now = 45_000;
    assertTrue(m.atBreakpoint(now, near).isPresent(), "45 s and 4 rounds: it speaks");
  }

  @Test
  void tenKeepsOfOneKindInARowMakeItSpeak() {
    now = 600_000;
    newGrid();
    Optional<Machine.Fired> f = Optional.empty();
    for (int i = 0; i < 10; i++) {
      f = keep(i * 100, "mimetic", far);
      if (i < 9) {
        assertTrue(f.isEmpty(), "keep " + i);
      }
    }
    assertEquals(Trigger.SAME_KIND, f.orElseThrow().trigger());
    assertEquals("your last 10 keeps are all mimetic", f.get().reason());
  }

  @Test
  void threeGridsPassedOverOfferAnotherSampler() {
    now = 600_000;
    newGrid();
    newGrid();
    newGrid();
    Machine.Fired f = newGrid().orElseThrow();
    assertEquals(Trigger.REJECTED_GRIDS, f.trigger());
    assertEquals(Offer.SAMPLER, f.trigger().offers());
    assertEquals("the last 3 grids went by without a keep", f.reason());
  }

  @Test
  void aGridWithAKeepBreaksTheRun() {
    now = 600_000;
    newGrid();
    newGrid();
    keep(1, "alien", far);
    newGrid();
    assertTrue(newGrid().isEmpty());
  }

  @Test
  void aWalkAMinuteAloneMakesItSpeakOnce() {
    now = 100_000;
    assertTrue(m.walkUnattended(50_000, now).isEmpty(), "50 s alone is not a minute");
    now = 112_000;
    Machine.Fired f = m.walkUnattended(50_000, now).orElseThrow();
    assertEquals("the walk has run 1 min 02 s without you", f.reason());
    answer(offer(f), Answer.NOT_NOW);
    now = 400_000;
    assertTrue(m.walkUnattended(50_000, now).isEmpty(), "the same stretch alone is not offered twice");
    assertTrue(m.walkUnattended(300_000, now).isPresent(), "a new stretch alone is");
  }

  @Test
  void eachDismissalDoublesTheGapAndAKeepResetsIt() {
    now = 600_000;
    for (int i = 0; i < 4; i++) {
      newGrid();
    }
    Offer o = offer(m.atBreakpoint(now, far).orElseThrow());
    answer(o, Answer.DISMISS);
    assertEquals(6, m.gap().get("rounds"));
    assertEquals(90L, m.gap().get("seconds"));
    now += 89_000;
    for (int i = 0; i < 6; i++) {
      newGrid();
    }
    assertTrue(m.atBreakpoint(now, far).isEmpty(), "89 s after a dismissal: still quiet");
    now += 1_000;
    Offer second = offer(m.atBreakpoint(now, far).orElseThrow());
    answer(second, Answer.DISMISS);
    assertEquals(12, m.gap().get("rounds"), "two dismissals in a row: four times the rounds");
    assertEquals(180L, m.gap().get("seconds"));
    now += 180_000;
    for (int i = 0; i < 12; i++) {
      newGrid();
    }
    answer(offer(m.atBreakpoint(now, far).orElseThrow()), Answer.KEEP);
    assertEquals(3, m.gap().get("rounds"), "a keep brings the gap back to the voice's own");
  }

  @Test
  void nothingNewIsOfferedWhileAnOfferWaits() {
    now = 600_000;
    for (int i = 0; i < 4; i++) {
      newGrid();
    }
    offer(m.atBreakpoint(now, far).orElseThrow());
    now += 1_000_000;
    for (int i = 0; i < 10; i++) {
      assertTrue(newGrid().isEmpty());
    }
  }

  @Test
  void acceptanceRatesAreKeptPerTriggerAndSamplerAndCanBeReset() {
    now = 600_000;
    for (int i = 0; i < 4; i++) {
      newGrid();
    }
    answer(offer(m.atBreakpoint(now, far).orElseThrow()), Answer.KEEP);
    assertEquals(2 / 3.0, m.rates().trigger("rejected-grids"), 1e-9);
    assertEquals(2 / 3.0, m.rates().sampler("tail"), 1e-9);
    assertEquals(0.5, m.rates().sampler("extrapolate"), 1e-9, "untried: one half");
    @SuppressWarnings("unchecked")
    Map<String, Object> t = (Map<String, Object>) ((Map<String, Object>) m.rates().view().get("triggers"))
        .get("rejected-grids");
    assertEquals(1, t.get("kept"));
    m.resetRates();
    assertEquals(0.5, m.rates().trigger("rejected-grids"), 1e-9);
  }

  @Test
  void aTriggerSeldomKeptNeedsTwiceTheRounds() {
    now = 0;
    for (int round = 0; round < 3; round++) {
      now += 1_000_000;
      for (int i = 0; i < 4; i++) {
        newGrid();
      }
      answer(offer(m.atBreakpoint(now, far).orElseThrow()), Answer.NOT_NOW);
    }
    assertTrue(m.rates().trigger("rejected-grids") < Machine.LOW_RATE);
    now += 1_000_000;
    for (int i = 0; i < 4; i++) {
      assertTrue(newGrid().isEmpty(), "round " + i + ": a trigger kept 0 times in 3 waits 6 rounds");
    }
    newGrid();
    newGrid();
    assertTrue(m.atBreakpoint(now, far).isPresent());
  }

  @Test
  void theVoicesSetTheirOwnGaps() {
    assertEquals(6, Voice.QUIET.rounds());
    assertEquals(120, Voice.QUIET.seconds());
    assertEquals(3, Voice.NORMAL.rounds());
    assertEquals(45, Voice.NORMAL.seconds());
    assertEquals(1, Voice.INSISTENT.rounds());
  }
}
