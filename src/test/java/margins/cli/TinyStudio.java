package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.stream.Stream;
import margins.archive.TestImages;

/** A studio of 16 generated 32x32 PNGs trained 2 steps (latent 8, width 4), for fast command tests. */
final class TinyStudio {

  private TinyStudio() {}

  static Path make(Path tmp) {
    Path studio = tmp.resolve("studio");
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src, 16);
    assertEquals(0, run(studio, "ingest", src.toString(), "--size", "32").code);
    MarginsTest.Run train = run(studio, "train", "--steps", "2", "--batch", "4", "--latent", "8", "--width", "4",
        "--device", "cpu");
    assertEquals(0, train.code, train.err);
    return studio;
  }

  /** The command with --studio after its name (sub-subcommands are not used here). */
  static MarginsTest.Run run(Path studio, String... args) {
    return new MarginsTest.Run(Stream.concat(Stream.of(args[0], "--studio", studio.toString()),
        Stream.of(args).skip(1)).toArray(String[]::new));
  }
}
