package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import margins.archive.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench measure-suite without a model, on a tiny archive of flat shapes: the table, the verdicts, bad options. */
class MeasureSuiteCommandTest {

  @TempDir static Path tmp;
  static Path archives;

  @BeforeAll
  static void aTinyArchiveOfFlatShapes() {
    archives = tmp.resolve("archives");
    Random r = new Random(5);
    for (int i = 0; i < 80; i++) {
      BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 32, 32);
      g.setColor(new Color(r.nextInt(0xffffff)));
      int x = r.nextInt(16);
      int y = r.nextInt(16);
      if (i % 2 == 0) {
        g.fillOval(x, y, 8 + r.nextInt(12), 8 + r.nextInt(12));
      } else {
        g.fillRect(x, y, 6 + r.nextInt(12), 6 + r.nextInt(12));
      }
      g.dispose();
      TestImages.write(img, "png", archives.resolve("shapes").resolve("images").resolve(String.format("%02d.png", i)));
    }
  }

  static MarginsTest.Run suite(String... more) {
    String[] args = new String[] {"bench", "measure-suite", "--archives", archives.toString(), "--cache",
        tmp.resolve("cache").toString(), "--size", "32", "--device", "cpu"};
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return new MarginsTest.Run(all);
  }

  @Test
  void withoutAModelItPrintsTheBatchesAndJudgesWhatNeedsNoModel() {
    MarginsTest.Run r = suite("--only", "shapes", "--no-model", "--n", "32");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("shapes: 80 images, model none;"), r.out);
    for (String row : new String[] {"held-out archive (reference)", "held-out blurred (1.5 px at 64)",
        "noise: Gaussian pixels", "noise: archive, pixels shuffled"}) {
      assertTrue(r.out.contains("  " + row), row + " in\n" + r.out);
    }
    assertFalse(r.out.contains("encoded and decoded"), "no reconstructions without a model");
    // Both noise rows: 32 images, none typical, every one of kind noise (cells: n, pruned, copy, mimetic, marginal, alien, noise, distance, agree, sharpness, coherence).
    for (String row : new String[] {"noise: Gaussian pixels", "noise: archive, pixels shuffled"}) {
      String[] cells = r.out.lines().filter(l -> l.startsWith("  " + row)).findFirst().orElseThrow()
          .substring(2 + row.length()).trim().split("\\s+");
      assertEquals("32", cells[0], row);
      assertEquals("0.000", cells[1], row + ": pruned precision");
      assertEquals("1.000", cells[6], row + ": share of noise");
      assertEquals(0, Double.parseDouble(cells[10]), 0.1, row + ": coherence");
    }
    assertTrue(r.out.contains("pass  noise pruned precision <= 0.02 (Gaussian / shuffled): 0.000 / 0.000"), r.out);
    assertTrue(r.out.contains("pass  noise never copy or mimetic: 0 of 64"), r.out);
    assertTrue(r.out.contains("cannot tell alien outputs nearer the archive than noise: no model"), r.out);
    assertTrue(r.out.contains("of 1 archives meet every target"), r.out);
  }

  @Test
  void badOptionsAreBadUsageAndAMissingArchiveSaysHowToBuildIt() {
    assertEquals(2, suite("--steps", "0", "--no-model").code);
    assertEquals(2, suite("--size", "48", "--no-model").code);
    assertEquals(2, suite("--n", "3", "--no-model").code);
    MarginsTest.Run missing = suite("--only", "nosuch", "--no-model");
    assertEquals(1, missing.code);
    assertTrue(missing.err.contains("archives/build.sh nosuch"), missing.err);
    assertFalse(Files.exists(tmp.resolve("cache").resolve("nosuch-32")), "nothing made for a missing archive");
  }
}
