package margins.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoArchiveTest {

  private static final Path DEMO = Path.of("demo/openmoji");

  @TempDir Path tmp;

  @Test
  void theDemoIndexListsExactlyTheBundledImages() throws IOException {
    List<String> rows = Files.readAllLines(DEMO.resolve("index.csv"));
    assertEquals("file,hexcode,group,subgroups,annotation,skintone,author", rows.get(0));
    try (Stream<Path> images = Files.list(DEMO.resolve("images"))) {
      assertEquals(rows.size() - 1, images.count());
    }
  }

  @Test
  void aHandfulOfDemoImagesIngestsWithoutSkips() throws IOException {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    try (Stream<Path> images = Files.list(DEMO.resolve("images"))) {
      for (Path p : images.sorted().limit(24).toList()) {
        Files.copy(p, src.resolve(p.getFileName()));
      }
    }
    IngestReport report = Ingest.run(src, tmp.resolve("studio"), IngestOptions.defaults(),
        new PrintWriter(new StringWriter()));
    assertEquals(24, report.kept());
    assertEquals(List.of(), report.skipped());
  }
}
