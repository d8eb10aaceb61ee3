package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on disk: every entry read back in order, a torn last line ignored, an exploration rebuilt as it was. */
class FileJournalTest {

  static final String X = "20261202-101500-ab12";

  static Tile tile(long seq, String id, String kind) {
    return new Tile(seq, 1000 + seq, id, "g0", "sample", Act.MACHINE, List.of("archive:3"), "tail", "alien", seq,
        new float[] {0.5f, -1f}, List.of(), kind, 0.42, "tiles/" + id + ".png");
  }

  static Exploration sample(Journal j) {
    Exploration x = new Exploration(X, 1.0, Voice.NORMAL);
    x.record(j, s -> new Begin(s, 1000, X, "00000-vae32@6000", "abc", "margins test"));
    x.record(j, s -> tile(s, "t0", "alien"));
    x.record(j, s -> tile(s, "t1", "mimetic"));
    x.record(j, s -> new Act(s, 1010, "grid", Act.MACHINE, Map.of("grid", "g0", "tiles", List.of("t0", "t1"),
        "source", "propose", "seed", 40L)));
    x.record(j, s -> new Act(s, 1020, "keep", Act.HUMAN, Map.of("tile", "t1")));
    x.record(j, s -> new Act(s, 1030, "parent", Act.HUMAN, Map.of("tile", "t0", "on", true)));
    x.record(j, s -> new Act(s, 1040, "settings", Act.HUMAN, Map.of("voice", "insistent", "dial", "alien")));
    x.record(j, s -> new Offer(s, 1050, "o0", "asked", "you asked", Map.of(), Offer.TILES, List.of("t0"),
        List.of(), List.of("tail"), null));
    x.record(j, s -> new Answer(s, 1060, "o0", Answer.KEEP));
    return x;
  }

  @Test
  void everyEntryIsReadBackInOrderWithItsType(@TempDir Path studio) {
    FileJournal j = new FileJournal(studio);
    sample(j);
    List<Entry> back = j.replay(X);
    assertEquals(9, back.size());
    assertTrue(back.get(0) instanceof Begin);
    assertTrue(back.get(1) instanceof Tile t && t.latent()[1] == -1f && t.parents().equals(List.of("archive:3")));
    assertTrue(back.get(8) instanceof Answer a && a.answer().equals("keep"));
    for (int i = 0; i < back.size(); i++) {
      assertEquals(i, back.get(i).seq());
    }
    assertTrue(Files.exists(studio.resolve("explorations").resolve(X).resolve("journal.jsonl")));
  }

  @Test
  void anExplorationIsRebuiltAsItWasLeft(@TempDir Path studio) {
    FileJournal j = new FileJournal(studio);
    Exploration live = sample(j);
    Exploration again = Exploration.replay(X, j.replay(X), 1.0, Voice.NORMAL);
    assertEquals(live.view().toString(), again.view().toString());
    assertEquals(List.of("t1"), again.kept());
    assertEquals(List.of("t0"), again.parents());
    assertEquals("insistent", again.setting("voice"));
    assertEquals(Voice.INSISTENT, again.machine().voice());
    assertEquals(2 / 3.0, again.machine().rates().trigger("asked"), 1e-9, "the rates come back too");
    assertEquals("t2", again.next('t'), "new tiles continue the numbering");
    assertTrue(again.seeds(1) >= 42, "and seeds are never reused");
  }

  @Test
  void aLineTornByACrashIsSkipped(@TempDir Path studio) throws Exception {
    FileJournal j = new FileJournal(studio);
    sample(j);
    Path file = studio.resolve("explorations").resolve(X).resolve("journal.jsonl");
    Files.writeString(file, "{\"entry\":\"act\",\"seq\":9,\"at\":10", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    assertEquals(9, j.replay(X).size());
  }

  @Test
  void theListSaysWhatEachExplorationHolds(@TempDir Path studio) {
    FileJournal j = new FileJournal(studio);
    sample(j);
    Journal.Summary s = j.explorations().get(0);
    assertEquals(X, s.id());
    assertEquals(2, s.tiles());
    assertEquals(1, s.kept());
    assertEquals("00000-vae32@6000", s.model());
  }

  @Test
  void idsThatAreNotExplorationsNeverBecomePaths(@TempDir Path studio) {
    FileJournal j = new FileJournal(studio);
    for (String bad : List.of("../x", "..", "20261202-101500-ab12/../../x", "", "20261202-101500-AB12")) {
      assertThrows(BadParameter.class, () -> j.folder(bad), bad);
    }
    assertEquals(List.of(), j.replay("20261202-000000-0000"));
  }
}
