package margins.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The measure on three small synthetic archives of different character, in both network-independent spaces:
 * noise is never typical, and a lightly blurred or shifted archive image is never alien.
 */
class SyntheticArchivesTest {

  static final int S = SyntheticArchives.S;
  static final int TRAIN = 160;
  static final int HELD = 40;

  /** One archive fitted in one space: the training split's balls widened by the archive's tolerance. */
  record Fitted(String name, FeatureSpace space, List<float[]> train, List<float[]> held, ArchiveManifold manifold) {

    List<Placement> place(List<float[]> images) {
      return Measure.place(manifold, space.embed(images, S), Grain.noiseLike(images, S));
    }

    BatchMeasures batch(List<float[]> images) {
      return Measure.batch(manifold, space.embed(images, S), Grain.noiseLike(images, S), 1L);
    }

    @Override
    public String toString() {
      return name + " in " + space.id();
    }
  }

  /** Fitted once per class, not once per test method: fitting is most of the time. */
  private static List<Fitted> fitted;

  static synchronized List<Fitted> archives() {
    if (fitted == null) {
      fitted = fitAll();
    }
    return fitted;
  }

  private static List<Fitted> fitAll() {
    List<Fitted> out = new ArrayList<>();
    for (FeatureSpace space : List.of(new PixelStructure(), new Thumbnail())) {
      out.add(fit("flat shapes on white", SyntheticArchives.shapes(TRAIN + HELD, 1), space));
      out.add(fit("thin lines on white", SyntheticArchives.lines(TRAIN + HELD, 2), space));
      out.add(fit("textures", SyntheticArchives.textures(TRAIN + HELD, 3), space));
    }
    return out;
  }

  static Fitted fit(String name, List<float[]> all, FeatureSpace space) {
    List<float[]> train = all.subList(0, TRAIN);
    double tolerance = Tolerance.calibrate(space, train::get, train.size(), S);
    return new Fitted(name, space, train, all.subList(TRAIN, all.size()),
        ArchiveManifold.fit(space.embed(train, S), 3, tolerance));
  }

  static long count(List<Placement> p, Set<Kind> kinds) {
    return p.stream().filter(x -> kinds.contains(x.kind())).count();
  }

  static List<float[]> map(List<float[]> images, UnaryOperator<float[]> f) {
    return images.stream().map(f).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void noiseIsNeverTypicalNorACopyAndIsCalledNoise(Fitted a) {
    for (List<float[]> noise : List.of(SyntheticArchives.gaussian(a.train(), 100, 4),
        SyntheticArchives.shuffled(a.train(), 100, 5))) {
      BatchMeasures b = a.batch(noise);
      assertTrue(b.prunedPrecision() <= 0.02, "pruned precision " + b.prunedPrecision());
      assertEquals(0, b.kinds().get("copy") + b.kinds().get("mimetic"), b.kinds().toString());
      assertEquals(100, b.kinds().get("noise"), b.kinds().toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void aLightlyBlurredOrShiftedArchiveImageIsNeverAlien(Fitted a) {
    Set<Kind> strange = EnumSet.of(Kind.ALIEN, Kind.NOISE);
    List<float[]> blurred = map(a.train(), x -> Variants.blur(x, S, 0.5));
    List<float[]> shifted = map(a.train(), x -> Variants.shift(x, S, 1, 0));
    assertEquals(0, count(a.place(blurred), strange), "blurred");
    assertEquals(0, count(a.place(shifted), strange), "shifted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void unseenImagesSoftenedStayMostlyInsideTheArchive(Fitted a) {
    Set<Kind> strange = EnumSet.of(Kind.ALIEN, Kind.NOISE);
    // A tenth of unseen images may lie outside every ball of 160 training images; softening must not add many.
    assertTrue(count(a.place(a.held()), strange) <= HELD / 10);
    assertTrue(count(a.place(map(a.held(), x -> Variants.blur(x, S, 0.75))), strange) <= HELD / 10, "blurred");
    assertTrue(count(a.place(map(a.held(), x -> Variants.downUp(x, S))), strange) <= HELD / 10, "halved");
  }
}
