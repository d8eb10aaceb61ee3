package margins.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import margins.archive.PreparedArchive;
import margins.archive.TestImages;
import margins.archive.TrainingSet;
import margins.image.Images;
import margins.image.Png;
import margins.model.Generator;
import margins.model.Model;
import margins.network.LayerHook;
import margins.recipe.Recipe;
import margins.walk.PngFramesWriter;
import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** walk and redo of walks from the command line, on the shared tiny studio. */
class WalkCommandsTest {

  @TempDir static Path tmp;
  static Path studio;

  @BeforeAll
  static void useTheSharedStudio() {
    studio = SharedStudio.get();
  }

  @AfterAll
  static void leaveTheSharedStudioAsItWas() {
    SharedStudio.assertUnchanged();
  }

  static MarginsTest.Run run(String... args) {
    return TinyStudio.run(studio, args);
  }

  private static float[] latentOf(Path frame) {
    return Recipe.of(frame).orElseThrow().latent();
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (double) (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  @Test
  void aKeyframeLoopLeadsFromItsLastFrameBackToItsFirstInAnOrdinaryStep() {
    Path out = tmp.resolve("loop");
    MarginsTest.Run r = run("walk", "3", "8", "11", "--mode", "keyframes", "--frames", "12", "--format", "png",
        "--out", out.toString());
    assertEquals(0, r.code, r.err);
    List<float[]> z = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      z.add(latentOf(out.resolve("frames").resolve(PngFramesWriter.name(i))));
    }
    double min = Double.MAX_VALUE;
    double max = 0;
    for (int i = 0; i + 1 < 12; i++) {
      double d = distance(z.get(i), z.get(i + 1));
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    double closing = distance(z.get(11), z.get(0));
    assertTrue(closing > 0.5 * min && closing < 1.5 * max, "closing step " + closing + " vs " + min + ".." + max);
  }

  @Test
  void aNoiseLoopClosesWithAStepEqualToTheOthers() {
    Path out = tmp.resolve("noise-loop");
    assertEquals(0, run("walk", "--mode", "noise-loop", "--frames", "8", "--format", "png", "--out", out.toString()).code);
    Path frames = out.resolve("frames");
    double step = distance(latentOf(frames.resolve(PngFramesWriter.name(0))), latentOf(frames.resolve(PngFramesWriter.name(1))));
    double closing = distance(latentOf(frames.resolve(PngFramesWriter.name(7))), latentOf(frames.resolve(PngFramesWriter.name(0))));
    assertEquals(step, closing, 1e-4 * step);
  }

  @Test
  void gifAndMp4ReadBackWithTheirFrameCountAndSize() throws Exception {
    Path out = tmp.resolve("formats");
    MarginsTest.Run r = run("walk", "1", "2", "--mode", "lerp", "--frames", "6", "--fps", "12",
        "--format", "gif,mp4", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    try (ImageInputStream in = ImageIO.createImageInputStream(out.resolve("walk.gif").toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertEquals(6, reader.getNumImages(true));
      assertEquals(32, reader.read(5).getWidth());
      assertEquals(32, reader.read(5).getHeight());
      reader.dispose();
    }
    try (SeekableByteChannel ch = NIOUtils.readableChannel(out.resolve("walk.mp4").toFile())) {
      AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(ch);
      int count = 0;
      for (BufferedImage f; (f = grab.getFrame()) != null; count++) {
        assertEquals(32, f.getWidth());
        assertEquals(32, f.getHeight());
      }
      assertEquals(6, count);
    }
  }

  @Test
  void redoOfWalkJsonAndWalkRecipeMakeTheSameFramesAndAFrameAlsoRedoes() throws Exception {
    Path out = tmp.resolve("walk");
    MarginsTest.Run r = run("walk", "4", "9", "--frames", "7", "--batch", "3", "--format", "png,gif,mp4",
        "--op", "up1:rotate:degrees=30", "--noise", "up2:0.5:3", "--sweep", "up1:rotate:degrees=0..90:sine",
        "--out", out.toString());
    assertEquals(0, r.code, r.err);
    Path again = tmp.resolve("walk-again");
    MarginsTest.Run redo = run("redo", out.resolve("walk.json").toString(), "--out", again.toString());
    assertEquals(0, redo.code, redo.err);
    Path third = tmp.resolve("walk-third");
    assertEquals(0, run("walk", "--recipe", out.resolve("walk.json").toString(), "--out", third.toString()).code);
    for (Path other : List.of(again, third)) {
      assertArrayEquals(Files.readAllBytes(out.resolve("walk.gif")), Files.readAllBytes(other.resolve("walk.gif")));
      assertArrayEquals(Files.readAllBytes(out.resolve("walk.mp4")), Files.readAllBytes(other.resolve("walk.mp4")));
      for (int i = 0; i < 7; i++) {
        String f = PngFramesWriter.name(i);
        assertArrayEquals(Files.readAllBytes(out.resolve("frames").resolve(f)),
            Files.readAllBytes(other.resolve("frames").resolve(f)), f);
      }
    }
    Path frame = out.resolve("frames").resolve(PngFramesWriter.name(4));
    Path one = tmp.resolve("frame4.png");
    assertEquals(0, run("redo", frame.toString(), "--out", one.toString()).code);
    assertArrayEquals(Files.readAllBytes(frame), Files.readAllBytes(one));
  }

  @Test
  void aSweepWritesEachFramesValueIntoItsRecipe() {
    Path out = tmp.resolve("sweep");
    assertEquals(0, run("walk", "--mode", "noise-loop", "--frames", "4", "--format", "png",
        "--sweep", "up2:scale:factor=1..3", "--out", out.toString()).code);
    Recipe r = Recipe.of(out.resolve("frames").resolve(PngFramesWriter.name(2))).orElseThrow();
    assertEquals("scale", r.operations().get(0).path("op").asText());
    assertEquals(2.0, r.operations().get(0).path("params").path("factor").asDouble(), 1e-9);
  }

  @Test
  void aWalkFromAnOutsideImageToAnArchiveItemStartsAndEndsOnTheirDecodedEncodings() throws Exception {
    // Already square and of the model's size, so preparing it as ingest does leaves its pixels as they are.
    BufferedImage picture = TestImages.halves(32, 32, 0xff0000, 0x0000ff);
    Path photo = TestImages.write(picture, "png", tmp.resolve("photo.png"));
    Path out = tmp.resolve("images");
    // --batch 1: each frame decoded alone, as a single image is, so the pixels must match exactly.
    MarginsTest.Run r = run("walk", "image:" + photo, "archive:3", "--frames", "5", "--batch", "1",
        "--format", "png,gif", "--out", out.toString());
    assertEquals(0, r.code, r.err);
    Path frames = out.resolve("frames");
    try (Stream<Path> s = Files.list(frames)) {
      assertEquals(5, s.filter(p -> p.toString().endsWith(".png")).count());
    }
    assertEquals(5, gifFrames(out.resolve("walk.gif")));
    try (Model model = Model.load(studio, null, null, Device.cpu())) {
      // Encoded here, independently of the walk's endpoint code.
      float[] photoChw = new float[3 * 32 * 32];
      Images.toChw(picture, photoChw, 0);
      float[] itemChw = new float[3 * 32 * 32];
      TrainingSet.of(PreparedArchive.open(studio)).copyChw(3, itemChw, 0, false);
      float[][] ends = {encode(model, photoChw), encode(model, itemChw)};
      Generator gen = new Generator(model);
      BufferedImage[] decoded = {gen.image(ends[0], LayerHook.NONE), gen.image(ends[1], LayerHook.NONE)};
      assertFalse(Arrays.equals(pixels(decoded[0]), pixels(decoded[1])), "distinct endpoints, so a swap would show");
      Path[] files = {frames.resolve(PngFramesWriter.name(0)), frames.resolve(PngFramesWriter.name(4))};
      for (int e = 0; e < 2; e++) {
        assertArrayEquals(ends[e], latentOf(files[e]), 1e-5f, files[e].toString());
        assertArrayEquals(pixels(decoded[e]), pixels(Png.read(files[e])), files[e].toString());
      }
    }
  }

  private static float[] encode(Model model, float[] chw) {
    try (NDManager m = model.vae().manager().newSubManager()) {
      return model.vae().posterior(m.create(chw, new Shape(1, 3, 32, 32)), false).get(0).toFloatArray();
    }
  }

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  private static int gifFrames(Path gif) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      int n = reader.getNumImages(true);
      reader.dispose();
      return n;
    }
  }

  @Test
  void badSweepsNoiseOpsLayersAndModesAreBadUsageAndWriteNothing() {
    Path out = tmp.resolve("bad-walk");
    String[][] bad = {
      {"walk", "1", "2", "--sweep", "up1:rotate:degrees=0-360"},
      {"walk", "1", "2", "--sweep", "up1:rotate:angle=0..360"},
      {"walk", "1", "2", "--sweep", "up1:rotate:degrees=0..720"},
      {"walk", "1", "2", "--noise", "up1"},
      {"walk", "1", "2", "--op", "up1:twist"},
      {"walk", "1", "2", "--op", "up7:ablate"},
      {"walk", "1", "2", "--sweep", "up7:noise:strength=0..1"},
      {"walk", "1", "--mode", "lerp"},
      {"walk", "1", "2", "--mode", "spiral"},
      {"walk", "1", "2", "--format", "avi"},
      {"walk", "1", "2", "--frames", "1"},
    };
    for (String[] args : bad) {
      String[] all = Stream.concat(Stream.of(args), Stream.of("--out", out.toString())).toArray(String[]::new);
      MarginsTest.Run r = run(all);
      assertEquals(2, r.code, String.join(" ", args) + ": " + r.err);
      assertTrue(r.err.startsWith("margins: "), r.err);
      assertFalse(Files.exists(out), String.join(" ", args));
    }
    assertTrue(run("walk", "1", "2", "--op", "up7:ablate").err.contains("[fc, up1, up2, up3]"));
  }

  @Test
  void anUnknownRunOrAPngWithoutARecipeIsAFailure() {
    Path out = tmp.resolve("fail-walk");
    MarginsTest.Run noRun = run("walk", "1", "2", "--run", "00042", "--out", out.toString());
    assertEquals(1, noRun.code);
    assertTrue(noRun.err.contains("no run '00042'"), noRun.err);
    Path plain = TestImages.write(TestImages.solid(8, 8, 0x00ff00), "png", tmp.resolve("plain.png"));
    MarginsTest.Run noRecipe = run("walk", "1", plain.toString(), "--out", out.toString());
    assertEquals(1, noRecipe.code);
    assertTrue(noRecipe.err.contains("carries no Margins recipe") && noRecipe.err.contains("image:"), noRecipe.err);
    assertFalse(Files.exists(out));
  }
}
