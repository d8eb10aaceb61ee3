package margins.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import margins.MarginsException;
import margins.archive.PreparedArchive;
import margins.archive.TestImages;
import margins.archive.TrainingSet;
import margins.cli.SharedStudio;
import margins.image.Images;
import margins.measure.Kind;
import margins.measure.PixelStructure;
import margins.measure.Thumbnail;
import margins.measure.Variants;
import margins.model.Codes;
import margins.model.EncoderSpace;
import margins.model.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The encoder space and the archive measurer on the shared tiny studio (24 images, trained for two steps). */
class ArchiveMeasurerTest {

  static Path studio;
  static Model model;
  static ArchiveMeasurer measurer;

  @BeforeAll
  static void useTheSharedStudio() {
    studio = SharedStudio.get();
    model = Model.load(studio, null, null, Device.cpu());
    measurer = ArchiveMeasurer.forStudio(studio, model);
  }

  @AfterAll
  static void close() {
    model.close();
    SharedStudio.assertUnchanged();
  }

  @Test
  void theEncoderSpaceGivesThePosteriorMeansTheCodesHold() {
    EncoderSpace space = new EncoderSpace(model.vae());
    assertEquals(8, space.dimension(32));
    TrainingSet set = TrainingSet.of(PreparedArchive.open(studio)).subset(new int[] {0, 1, 2});
    float[][] codes = Codes.encode(model.vae(), set).means();
    float[] first = new float[3 * 32 * 32];
    set.copyChw(0, first, 0, false);
    float[] second = new float[3 * 32 * 32];
    set.copyChw(2, second, 0, false);
    float[][] v = space.embed(List.of(first, second), 32);
    assertArrayEquals(codes[0], v[0], 1e-5f);
    assertArrayEquals(codes[2], v[1], 1e-5f);
  }

  @Test
  void theEncoderSpaceRefusesImagesOfAnotherSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EncoderSpace(model.vae()).embed(List.of(new float[3 * 16 * 16]), 16));
    assertTrue(e.getMessage().contains("32x32"), e.getMessage());
  }

  @Test
  void eachOutputGetsAKindAndAPlacementInEverySpace() {
    BufferedImage archiveCopy = Images.fromChw(measurer.archiveImage(measurer.context().trainIndices()[3]), 0, 32, 32);
    List<Map<String, Object>> maps = measurer.measure(List.of(archiveCopy, TestImages.solid(32, 32, 0x00ff00)));
    assertEquals(2, maps.size());
    assertEquals(List.of(PixelStructure.ID, Thumbnail.ID, EncoderSpace.ID), measurer.spaceIds());
    for (Map<String, Object> m : maps) {
      assertEquals(Set.of("kind", "sharpness", "coherence", PixelStructure.ID, Thumbnail.ID, EncoderSpace.ID),
          m.keySet());
      for (String space : measurer.spaceIds()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) m.get(space);
        assertEquals(Set.of("nearest", "source", "distance", "realism", "rarity", "inside", "kind"), p.keySet());
        assertTrue(Set.of("copy", "mimetic", "marginal", "alien", "noise").contains(p.get("kind")));
      }
      assertEquals(((Map<?, ?>) m.get(PixelStructure.ID)).get("kind"), m.get("kind"));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> copy = (Map<String, Object>) maps.get(0).get(PixelStructure.ID);
    int archiveIndex = measurer.context().trainIndices()[3];
    assertEquals(archiveIndex, copy.get("nearest"));
    assertEquals(PreparedArchive.open(studio).manifest().get(archiveIndex).source(), copy.get("source"));
    assertEquals(0.0, (Double) copy.get("distance"), 1e-6);
    assertEquals("copy", maps.get(0).get("kind"));
    double sharpness = measurer.sharpness(List.of(measurer.archiveImage(archiveIndex)))[0];
    assertEquals(sharpness, (Double) maps.get(0).get("sharpness"), 1e-9);
    assertEquals(0.0, (Double) maps.get(1).get("sharpness"), 0.0);
    assertEquals(1.0, (Double) maps.get(1).get("coherence"), 1e-9);
    assertNotNull(((Map<?, ?>) maps.get(1).get(PixelStructure.ID)).get("distance"));
  }

  @Test
  void everySpaceHasAToleranceFromTheArchiveItself() {
    for (String space : measurer.spaceIds()) {
      assertTrue(measurer.tolerance(space) > 0, space);
      assertEquals(measurer.tolerance(space), measurer.manifold(space).tolerance(), 0.0);
    }
  }

  @Test
  void noiseIsNoiseAndASoftenedArchiveImageIsNotStrange() {
    float[] archive = measurer.archiveImage(measurer.trainIndices()[5]);
    List<float[]> images = List.of(Variants.blur(archive, 32, 0.5), Variants.shift(archive, 32, 1, 0),
        Baselines.gaussian(1, 32, List.of(archive), 3L).get(0));
    var placements = measurer.place(measurer.embed(images), measurer.noise(images));
    for (String space : List.of(ArchiveMeasurer.JUDGE, ArchiveMeasurer.CHECK)) {
      var p = placements.get(space);
      assertTrue(Set.of(Kind.COPY, Kind.MIMETIC, Kind.MARGINAL).contains(p.get(0).kind()), space + " blurred");
      assertTrue(Set.of(Kind.COPY, Kind.MIMETIC, Kind.MARGINAL).contains(p.get(1).kind()), space + " shifted");
      assertEquals(Kind.NOISE, p.get(2).kind(), space + " noise");
    }
  }

  @Test
  void withoutAModelOnlyTheNetworkIndependentSpacesMeasure() {
    ArchiveMeasurer bare = ArchiveMeasurer.withoutModel(TrainingSet.of(PreparedArchive.open(studio)),
        measurer.trainIndices(), measurer.heldOut(), PreparedArchive.open(studio).manifest());
    assertEquals(List.of(PixelStructure.ID, Thumbnail.ID), bare.spaceIds());
    assertEquals(measurer.tolerance(PixelStructure.ID), bare.tolerance(PixelStructure.ID), 0.0);
    assertThrows(IllegalStateException.class, bare::context);
    assertEquals(measurer.heldOut().length, Survey.heldOut(bare).size());
  }

  @Test
  void imagesOfAnotherSizeAreAClearFailure() {
    MarginsException e = assertThrows(MarginsException.class,
        () -> measurer.measure(List.of(TestImages.solid(16, 16, 0xffffff))));
    assertTrue(e.getMessage().contains("32x32"), e.getMessage());
  }

  @Test
  void theHeldOutSplitIsMeasuredAsTheReferenceRow() {
    Survey.Measured held = Survey.heldOut(measurer);
    assertEquals(measurer.context().heldOut().length, held.size());
    assertNotNull(held.row().in(PixelStructure.ID), held.row().note());
    assertNotNull(held.row().in(EncoderSpace.ID));
  }

  @Test
  void theHeldOutSplitIsAsSharpAsItselfItsBlurSofterAndNoiseIncoherent() {
    Survey.Measured held = Survey.heldOut(measurer);
    assertEquals(1.0, held.row().sharpness(), 1e-9);
    List<float[]> blurred = held.images().stream().map(x -> Variants.blur(x, 32, 1.0)).toList();
    Survey.Measured soft = Survey.measure(measurer, "blurred", List.of(), blurred);
    assertTrue(soft.row().sharpness() < 0.8, "blurred held-out split: " + soft.row().sharpness());
    assertTrue(soft.row().coherence() > held.row().coherence());
    Survey.Measured noise = Survey.baselines(measurer, 8).get(0);
    assertTrue(noise.row().sharpness() > 1.5, "noise: " + noise.row().sharpness());
    assertEquals(0.0, noise.row().coherence(), 0.1);
    assertTrue(held.row().coherence() > 0.5, "held-out split: " + held.row().coherence());
  }

  @Test
  void theBatchTableHasARowPerBatchInEachSpace() {
    Survey.Measured held = Survey.heldOut(measurer);
    Survey.Measured few = Survey.measure(measurer, "three", List.of(), List.of(
        measurer.archiveImage(0), measurer.archiveImage(1), measurer.archiveImage(2)));
    String text = BatchTable.text(measurer.spaceIds(), List.of(held.row(), few.row()));
    assertTrue(text.contains("held-out archive (reference)"), text);
    assertTrue(text.contains("sharpness") && text.contains("coherence"), text);
    assertTrue(text.contains("too few images for batch measures (need at least 4)"), text);
    assertTrue(text.contains("encoder space") && text.contains("pixel-structure space")
        && text.contains("thumbnail space"), text);
  }
}
