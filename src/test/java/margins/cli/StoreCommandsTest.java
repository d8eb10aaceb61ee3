package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import margins.store.Store;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** store, similar, find, lineage and atlas from the command line, on a copy of the shared tiny studio. */
class StoreCommandsTest {

  @TempDir static Path tmp;
  static Path studio;
  static Path sampled;
  static Path varied;

  /** Eight samples and two variations of one of them, registered by the commands as they write them. */
  @BeforeAll
  static void sampleAndVary() {
    studio = SharedStudio.copy(tmp);
    sampled = studio.resolve("outputs/sampled");
    MarginsTest.Run s = run("sample", "--seeds", "0-7", "--out", sampled.toString(), "--device", "cpu");
    assertEquals(0, s.code, s.err);
    assertTrue(s.out.contains("store: 8 images registered in "), s.out);
    varied = studio.resolve("outputs/varied");
    MarginsTest.Run v = run("vary", sampled.resolve("seed0003.png").toString(), "--regime", "mimetic", "--k", "2",
        "--out", varied.toString(), "--device", "cpu");
    assertEquals(0, v.code, v.err);
    assertTrue(v.out.contains("store: 2 images registered in "), v.out);
  }

  /** The command with --studio at its end (after any subcommand). */
  static MarginsTest.Run run(String... args) {
    return new MarginsTest.Run(Stream.concat(Stream.of(args), Stream.of("--studio", studio.toString()))
        .toArray(String[]::new));
  }

  @Test
  void aRebuildFromThePngsFindsTheSameTenItemsTheCommandsRegistered() {
    MarginsTest.Run r = run("store", "rebuild");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("10 items from 10 PNGs"), r.out);
    assertTrue(run("find").out.contains("10 items"));
  }

  @Test
  void checkSaysTheRegisteredStoreAgreesWithThePngsAndRepairsADeletedOne() throws Exception {
    MarginsTest.Run ok = run("store", "check");
    assertEquals(0, ok.code, ok.out + ok.err);
    assertTrue(ok.out.contains("consistent"), ok.out);
    Path extra = studio.resolve("outputs/copied/seed0001.png");
    Files.createDirectories(extra.getParent());
    Files.copy(sampled.resolve("seed0001.png"), extra);
    MarginsTest.Run drift = run("store", "check", "--dry-run");
    assertEquals(1, drift.code, drift.out);
    assertTrue(drift.out.contains("1 not registered:") && drift.out.contains("outputs/copied/seed0001.png"), drift.out);
    MarginsTest.Run repaired = run("store", "check");
    assertEquals(0, repaired.code, repaired.out);
    assertTrue(repaired.out.contains("repaired"), repaired.out);
    Files.delete(extra);
    assertEquals(0, run("store", "check").code);
  }

  @Test
  void findPrintsATableFiltersBySamplerAndTagAndWritesASheet() {
    MarginsTest.Run all = run("find");
    assertEquals(0, all.code, all.err);
    assertTrue(all.out.contains("10 items"), all.out);
    MarginsTest.Run vary = run("find", "--sampler", "posterior");
    assertTrue(vary.out.contains("2 items") && vary.out.contains("outputs/varied/"), vary.out);
    assertEquals(0, run("store", "tag", sampled.resolve("seed0005.png").toString(), "it's a keeper").code);
    Path sheet = tmp.resolve("kept.png");
    MarginsTest.Run kept = run("find", "--tag", "it's a keeper", "--sheet", sheet.toString());
    assertTrue(kept.out.contains("1 items") && kept.out.contains("seed0005.png"), kept.out);
    assertTrue(Files.exists(sheet));
  }

  @Test
  void userTextWithQuotesAndSemicolonsReachesSqlOnlyAsAValue() {
    String evil = "x'); DROP TABLE items; --";
    assertEquals(0, run("store", "tag", sampled.resolve("seed0006.png").toString(), evil).code);
    MarginsTest.Run tagged = run("find", "--tag", evil);
    assertTrue(tagged.out.contains("1 items") && tagged.out.contains("seed0006.png"), tagged.out);
    MarginsTest.Run space = run("find", "--measure", evil + ".distance>=0");
    assertEquals(2, space.code, space.err);
    assertTrue(space.err.contains("--measure takes SPACE.FIELD"), space.err);
    MarginsTest.Run model = run("find", "--model", evil);
    assertTrue(model.out.contains("0 items"), model.out);
    assertTrue(run("find").out.contains("10 items"));
  }

  @Test
  void aBadMeasureRangeIsBadUsage() {
    MarginsTest.Run r = run("find", "--measure", "loudness>=3");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--measure takes"), r.err);
  }

  @Test
  void similarFindsNeighboursInEverySpaceAndTheEncoderAndWritesASheet() {
    Path sheet = tmp.resolve("similar.png");
    MarginsTest.Run r = run("similar", sampled.resolve("seed0002.png").toString(), "--k", "3", "--out",
        sheet.toString(), "--device", "cpu");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("pixel-structure, items:") && r.out.contains("pixel-structure, archive:"), r.out);
    assertTrue(r.out.contains("encoder, items:"), r.out);
    assertTrue(Files.exists(sheet));
    MarginsTest.Run archive = run("similar", "archive:0", "--k", "2", "--no-encoder");
    assertEquals(0, archive.code, archive.err);
    MarginsTest.Run outside = run("similar", "archive:100000", "--no-encoder");
    assertEquals(2, outside.code);
    assertTrue(outside.err.contains("archive:0 to archive:23"), outside.err);
  }

  @Test
  void lineageShowsAVariationsParentAsTextAndSvg() {
    MarginsTest.Run r = run("lineage", varied.resolve("seed0000.png").toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("vary <- ") && r.out.contains("outputs/sampled/seed0003.png"), r.out);
    assertTrue(r.out.contains("graph: "), r.out);
    Path svg = Path.of(r.out.substring(r.out.indexOf("graph: ") + 7).trim());
    assertTrue(Files.exists(svg), svg.toString());
  }

  @Test
  void theAtlasWritesItsMapsAndPage() {
    Path out = tmp.resolve("atlas");
    MarginsTest.Run r = run("atlas", "--out", out.toString(), "--device", "cpu");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("atlas of 24 archive images and 10 outputs"), r.out);
    assertTrue(Files.exists(out.resolve("atlas-umap.png")) && Files.exists(out.resolve("atlas.html")));
  }

  @Test
  void aStoreFromANewerMarginsIsRefusedWithExitOne() throws Exception {
    Path other = tmp.resolve("newer");
    Store.open(other).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Store.file(other));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    MarginsTest.Run r = new MarginsTest.Run("store", "--studio", other.toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("written by a newer Margins"), r.err);
  }
}
