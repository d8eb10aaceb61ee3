package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import margins.archive.TestImages;

/**
 * A studio of 24 generated 32x32 images, a fifth held out, trained two steps with a tiny network (latent 8, width 16:
 * channels 16, 32, 64, whole 16-channel blocks as real models have). Tests share one through {@link SharedStudio}.
 */
public final class TinyStudio {

  private TinyStudio() {}

  /** Makes it under dir/studio and returns that folder. */
  public static Path make(Path dir) {
    Path studio = dir.resolve("studio");
    Path src = dir.resolve("src");
    TestImages.distinctPngs(src, 24);
    MarginsTest.Run ingest = run(studio, "ingest", src.toString(), "--size", "32");
    assertEquals(0, ingest.code, ingest.err);
    MarginsTest.Run train = run(studio, "train", "--model", "vae", "--steps", "2", "--batch", "4",
        "--latent", "8", "--width", "16", "--holdout", "0.2", "--device", "cpu");
    assertEquals(0, train.code, train.err);
    assertTrue(train.out.contains("trained 2 steps"), train.out);
    return studio;
  }

  /** The command with --studio after its name (sub-subcommands are not used here). */
  public static MarginsTest.Run run(Path studio, String... args) {
    return new MarginsTest.Run(Stream.concat(Stream.of(args[0], "--studio", studio.toString()),
        Stream.of(args).skip(1)).toArray(String[]::new));
  }
}
