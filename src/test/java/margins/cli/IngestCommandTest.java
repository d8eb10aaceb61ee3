package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import margins.archive.PreparedArchive;
import margins.archive.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {

  @TempDir Path tmp;

  private MarginsTest.Run ingest(String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "ingest";
    args[1] = "--studio";
    args[2] = tmp.resolve("studio").toString();
    System.arraycopy(extra, 0, args, 3, extra.length);
    return new MarginsTest.Run(args);
  }

  @Test
  void aGoodFolderIsIngestedWithASummaryAndExitZero() {
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src, 17);
    MarginsTest.Run r = ingest(src.toString(), "--size", "32", "--frame", "crop", "--background", "#000000");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("Kept 17 images at 32x32 (frame crop, background #000000); skipped 0."), r.out);
    assertTrue(r.out.contains("Archive: " + tmp.resolve("studio/archive")), r.out);
    assertEquals(32, PreparedArchive.open(tmp.resolve("studio")).size());
  }

  @Test
  void tooFewImagesExitsOneWithTheReason() {
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src, 4);
    MarginsTest.Run r = ingest(src.toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("only 4 usable images"), r.err);
    assertFalse(Files.exists(tmp.resolve("studio/archive")));
  }

  @Test
  void aMissingFolderExitsOne() {
    MarginsTest.Run r = ingest(tmp.resolve("nowhere").toString());
    assertEquals(1, r.code);
    assertTrue(r.err.contains("no such folder"), r.err);
  }

  @Test
  void badOptionValuesAreBadUsage() {
    Path src = tmp.resolve("src");
    assertEquals(2, ingest(src.toString(), "--size", "48").code);
    assertEquals(2, ingest(src.toString(), "--size", "big").code);
    MarginsTest.Run frame = ingest(src.toString(), "--frame", "fit");
    assertEquals(2, frame.code);
    assertTrue(frame.err.contains("crop, pad, stretch"), frame.err);
    assertEquals(2, ingest(src.toString(), "--background", "#fff").code);
    assertEquals(2, ingest().code);
  }

  @Test
  void helpShowsTheDefaults() {
    MarginsTest.Run r = ingest("--help");
    assertEquals(0, r.code);
    String text = r.out.replaceAll("\\s+", " ");
    assertTrue(text.contains("(default: 64)"), r.out);
    assertTrue(text.contains("(default: pad)"), r.out);
    assertTrue(text.contains("(default: white)"), r.out);
  }
}
