package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import margins.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sample, bend and walk register what they write as they write it; a broken store costs no image. */
class RegistrationTest {

  @TempDir Path tmp;

  @Test
  void bentImagesAndKeptWalkFramesAreRegisteredWithTheirLineage() {
    Path studio = SharedStudio.copy(tmp);
    Path bent = studio.resolve("outputs/bent");
    MarginsTest.Run b = TinyStudio.run(studio, "bend", "--op", "up1:flip-h", "--seeds", "0-3", "--out",
        bent.toString(), "--device", "cpu");
    assertEquals(0, b.code, b.err);
    assertTrue(b.out.contains("store: 4 images registered in "), b.out);
    Path walked = studio.resolve("outputs/walked");
    MarginsTest.Run w = TinyStudio.run(studio, "walk", "1", "2", "--frames", "4", "--format", "png,gif", "--out",
        walked.toString(), "--device", "cpu");
    assertEquals(0, w.code, w.err);
    assertTrue(w.out.contains("store: 4 images registered in "), w.out);
    MarginsTest.Run found = TinyStudio.run(studio, "find");
    assertTrue(found.out.contains("8 items"), found.out);
    MarginsTest.Run bentLineage = TinyStudio.run(studio, "lineage", bent.resolve("seed0002.png").toString());
    assertTrue(bentLineage.out.contains("bend <- "), bentLineage.out);
    MarginsTest.Run frameLineage = TinyStudio.run(studio, "lineage",
        walked.resolve("frames/frame-0001.png").toString());
    assertTrue(frameLineage.out.contains("walk-grab <- "), frameLineage.out);
    assertEquals(0, check(studio, "--dry-run").code);
  }

  @Test
  void aWalkThatKeepsNoFramesRegistersNothingAndMakesNoStore() {
    Path studio = SharedStudio.copy(tmp);
    MarginsTest.Run w = TinyStudio.run(studio, "walk", "1", "2", "--frames", "4", "--out",
        studio.resolve("outputs/gif").toString(), "--device", "cpu");
    assertEquals(0, w.code, w.err);
    assertFalse(w.out.contains("store:"), w.out);
    assertFalse(Files.exists(Store.file(studio)));
  }

  @Test
  void aStoreThatCannotBeWrittenCostsNoImageAndSaysSoOnStderr() throws Exception {
    Path studio = SharedStudio.copy(tmp);
    Store.open(studio).close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Store.file(studio));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    Path out = studio.resolve("outputs/kept");
    MarginsTest.Run r = TinyStudio.run(studio, "sample", "--seeds", "0-5", "--out", out.toString(), "--device",
        "cpu");
    assertEquals(0, r.code, r.err);
    assertEquals(6, pngs(out));
    assertTrue(r.err.contains("the store could not register") && r.err.contains("written by a newer Margins"),
        r.err);
    assertTrue(r.err.contains("every image is still written") && r.err.contains("margins store check"), r.err);
    assertTrue(r.out.contains("store: 6 images not registered"), r.out);
  }

  @Test
  void imagesWrittenOutsideTheStudioAreNotRegisteredAndTheCommandSaysHowToAddThem() {
    Path studio = SharedStudio.copy(tmp);
    Path out = tmp.resolve("elsewhere");
    MarginsTest.Run r = TinyStudio.run(studio, "sample", "--seeds", "0-2", "--out", out.toString(), "--device",
        "cpu");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("store: 3 images outside the studio") && r.out.contains("margins store add"), r.out);
    assertFalse(Files.exists(Store.file(studio)));
  }

  @Test
  void aRefusedCommandLeavesNoStoreBehind() {
    Path studio = SharedStudio.copy(tmp);
    MarginsTest.Run r = TinyStudio.run(studio, "sample", "--psi", "20", "--device", "cpu");
    assertEquals(2, r.code);
    assertFalse(Files.exists(studio.resolve(Store.DIR)));
  }

  /** `margins store check` on this studio (--studio after the sub-subcommand). */
  static MarginsTest.Run check(Path studio, String... options) {
    return new MarginsTest.Run(Stream.concat(Stream.of("store", "check", "--studio", studio.toString()),
        Stream.of(options)).toArray(String[]::new));
  }

  /** How many seedNNNN.png lie in a folder. */
  static long pngs(Path dir) {
    try (Stream<Path> all = Files.list(dir)) {
      return all.filter(p -> p.getFileName().toString().startsWith("seed")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
