package margins.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import margins.Hashes;
import margins.Json;
import margins.MarginsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestTest {

  @TempDir Path tmp;

  private final StringWriter log = new StringWriter();

  private IngestReport ingest(Path source, Path studio) {
    return Ingest.run(source, studio, new IngestOptions(32, Frame.PAD, 0xffffff), new PrintWriter(log));
  }

  /** Every entry under a folder (links not followed) with the SHA-256 of a file's bytes, or its kind. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      Map<String, String> entries = new TreeMap<>();
      for (Path p : all.toList()) {
        String what = Files.isSymbolicLink(p) ? "link to " + Files.readSymbolicLink(p)
            : Files.isDirectory(p) ? "folder" : Hashes.sha256(p);
        entries.put(root.relativize(p).toString(), what);
      }
      return entries;
    }
  }

  private static List<String> fieldNames(String json) throws IOException {
    List<String> names = new ArrayList<>();
    Json.MAPPER.readTree(json).fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Path messySource() throws IOException {
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src.resolve("good"), 16);
    Files.copy(src.resolve("good/03.png"), src.resolve("copy-of-03.png"));
    Files.write(src.resolve("empty.png"), new byte[0]);
    Files.writeString(src.resolve("notes.txt"), "not an image");
    Files.write(src.resolve("bomb.png"), TestImages.pngHeaderClaiming(100_000, 100_000));
    TestImages.write(TestImages.solid(2000, 10, 0), "png", src.resolve("strip.png"));
    Files.createSymbolicLink(src.resolve("good/loop"), src);
    return src;
  }

  @Test
  void aMessyFolderKeepsTheGoodImagesAndReportsEveryOtherEntry() throws IOException {
    Path src = messySource();
    Path studio = tmp.resolve("studio");
    IngestReport report = ingest(src, studio);
    assertEquals(16, report.kept());
    Map<String, String> reasons = report.skipped().stream()
        .collect(Collectors.toMap(Skip::path, Skip::reason));
    assertEquals("duplicate of copy-of-03.png", reasons.get("good/03.png"));
    assertEquals("empty file", reasons.get("empty.png"));
    assertTrue(reasons.get("notes.txt").startsWith("not an image"));
    assertTrue(reasons.get("bomb.png").startsWith("decompression bomb"));
    assertTrue(reasons.get("strip.png").startsWith("absurd aspect ratio"));
    assertTrue(reasons.get("good/loop").startsWith("folder or link loop"), reasons.get("good/loop"));
    assertEquals(6, report.skipped().size());
    List<String> lines = Files.readAllLines(studio.resolve("archive/skipped.jsonl"));
    assertEquals(6, lines.size());
    assertEquals(List.of("path", "reason"), fieldNames(lines.get(0)));
    String printed = log.toString();
    assertTrue(printed.contains("Skipped 6 entries"), printed);
    assertTrue(printed.contains("duplicate"), printed);
    assertTrue(printed.contains(studio.resolve("archive/skipped.jsonl").toString()), printed);
  }

  @Test
  void theArchiveFilesDescribeThePixelsExactly() throws IOException {
    Path src = messySource();
    Path studio = tmp.resolve("studio");
    ingest(src, studio);
    Path archive = studio.resolve("archive");
    byte[] pixels = Files.readAllBytes(archive.resolve("pixels.u8"));
    assertEquals(16 * 32 * 32 * 3, pixels.length);
    JsonNode info = Json.MAPPER.readTree(archive.resolve("archive.json").toFile());
    assertEquals(32, info.get("size").asInt());
    assertEquals("pad", info.get("frame").asText());
    assertEquals("#ffffff", info.get("background").asText());
    assertEquals(16, info.get("count").asInt());
    assertEquals(Hashes.sha256(pixels), info.get("hash").asText());
    assertEquals(src.toAbsolutePath().toString(), info.get("source").asText());
    assertEquals(6, info.get("skipped").asInt());
    List<String> manifest = Files.readAllLines(archive.resolve("manifest.jsonl"));
    JsonNode first = Json.MAPPER.readTree(manifest.get(0));
    assertEquals(0, first.get("index").asInt());
    assertEquals("copy-of-03.png", first.get("source").asText());
    assertEquals(Hashes.sha256(src.resolve("copy-of-03.png")), first.get("sha256").asText());
    assertEquals(16, first.get("width").asInt());
    assertEquals("png", first.get("format").asText());
    assertEquals("good/00.png", Json.MAPPER.readTree(manifest.get(1)).get("source").asText());
    try (Stream<Path> left = Files.list(studio)) {
      assertEquals(List.of("archive"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void theSourceFolderIsUnchangedByAnIngest() throws IOException {
    Path src = messySource();
    Map<String, String> before = snapshot(src);
    ingest(src, tmp.resolve("studio"));
    assertEquals(before, snapshot(src));
  }

  @Test
  void identicalPixelsFromDifferentFilesAreDuplicates() throws IOException {
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src, 16);
    TestImages.write(TestImages.numbered(4), "bmp", src.resolve("04-again.bmp"));
    IngestReport report = ingest(src, tmp.resolve("studio"));
    assertEquals(16, report.kept());
    assertEquals(List.of(new Skip("04.png", "duplicate of 04-again.bmp (identical prepared pixels)")),
        report.skipped());
  }

  @Test
  void tooFewUsableImagesFailsAndLeavesThePreviousArchiveIntact() throws IOException {
    Path studio = tmp.resolve("studio");
    Path good = tmp.resolve("good");
    TestImages.distinctPngs(good, 16);
    ingest(good, studio);
    Map<String, String> archiveBefore = snapshot(studio.resolve("archive"));

    Path few = tmp.resolve("few");
    TestImages.distinctPngs(few, 3);
    Files.write(few.resolve("broken.png"), new byte[] {1, 2, 3});
    MarginsException e = assertThrows(MarginsException.class, () -> ingest(few, studio));
    assertTrue(e.getMessage().contains("only 3 usable images"), e.getMessage());
    assertTrue(e.getMessage().contains("at least 16"), e.getMessage());
    Path report = studio.resolve(Ingest.FAILED_SKIP_REPORT);
    assertTrue(e.getMessage().contains(report.toString()), e.getMessage());
    assertEquals(1, Files.readAllLines(report).size());
    assertEquals(archiveBefore, snapshot(studio.resolve("archive")));
    try (Stream<Path> left = Files.list(studio)) {
      assertEquals(List.of("archive", "ingest-skipped.jsonl"),
          left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void aSuccessfulIngestReplacesTheArchiveAndClearsAStaleFailureReport() throws IOException {
    Path studio = tmp.resolve("studio");
    Files.createDirectories(studio);
    Files.writeString(studio.resolve(Ingest.FAILED_SKIP_REPORT), "{}\n");
    Path a = tmp.resolve("a");
    TestImages.distinctPngs(a, 16);
    ingest(a, studio);
    Path b = tmp.resolve("b");
    TestImages.distinctPngs(b, 20);
    IngestReport report = ingest(b, studio);
    assertEquals(20, PreparedArchive.open(studio).count());
    assertEquals(studio.resolve("archive").toAbsolutePath(), report.archive());
    assertFalse(Files.exists(studio.resolve(Ingest.FAILED_SKIP_REPORT)));
  }

  @Test
  void aMissingFolderOrAFileIsAClearError() throws IOException {
    MarginsException missing = assertThrows(MarginsException.class,
        () -> ingest(tmp.resolve("nowhere"), tmp.resolve("studio")));
    assertTrue(missing.getMessage().startsWith("no such folder"), missing.getMessage());
    Path file = Files.writeString(tmp.resolve("a.txt"), "x");
    MarginsException notFolder = assertThrows(MarginsException.class, () -> ingest(file, tmp.resolve("studio")));
    assertTrue(notFolder.getMessage().contains("not a folder"), notFolder.getMessage());
  }

  @Test
  void aStudioInsideTheSourceIsNotIngested() throws IOException {
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src, 16);
    ingest(src, src.resolve("studio"));
    IngestReport again = ingest(src, src.resolve("studio"));
    assertEquals(16, again.kept());
    assertEquals(List.of(), again.skipped());
  }
}
