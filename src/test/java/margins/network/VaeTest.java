package margins.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VaeTest {

  static Vae tiny(int resolution) {
    return Vae.create(new VaeConfig(resolution, 8, 4, 16), Device.cpu(), 1);
  }

  static List<float[]> weights(Vae vae) {
    List<float[]> out = new ArrayList<>();
    vae.parameters().forEach(p -> out.add(p.getArray().toFloatArray()));
    return out;
  }

  @Test
  void weightsComeFromTheWholeSeedWhateverElseUsedTheEngineBefore() {
    VaeConfig c = new VaeConfig(16, 8, 16, 32);
    List<float[]> a;
    try (Vae vae = Vae.create(c, Device.cpu(), 7L)) {
      a = weights(vae);
    }
    try (NDManager m = NDManager.newBaseManager()) {
      m.getEngine().setRandomSeed(99);
      m.randomNormal(new Shape(1000)); // the engine's own generator moves; the weights must not
    }
    try (Vae again = Vae.create(c, Device.cpu(), 7L);
        Vae highBits = Vae.create(c, Device.cpu(), 7L + (1L << 32))) {
      List<float[]> b = weights(again);
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
      }
      // A seed cast to int would make these two the same network.
      assertTrue(!java.util.Arrays.equals(a.get(0), weights(highBits).get(0)), "seeds differing above bit 31");
    }
  }

  @Test
  void theEncoderGivesAMeanAndALogVariancePerLatentDimension() {
    try (Vae vae = tiny(16); NDManager m = vae.manager().newSubManager()) {
      NDList post = vae.posterior(m.ones(new Shape(3, 3, 16, 16)), false);
      assertEquals(new Shape(3, 8), post.get(0).getShape());
      assertEquals(new Shape(3, 8), post.get(1).getShape());
    }
  }

  @Test
  void theDecoderMakesImagesOfTheConfiguredSizeInTheUnitRange() {
    for (int r : new int[] {8, 16, 32}) {
      try (Vae vae = tiny(r); NDManager m = vae.manager().newSubManager()) {
        NDArray img = vae.decode(m.randomNormal(new Shape(2, 8)), LayerHook.NONE);
        assertEquals(new Shape(2, 3, r, r), img.getShape());
        assertTrue(img.min().getFloat() >= 0f && img.max().getFloat() <= 1f);
      }
    }
  }

  @Test
  void everyDecoderStageIsNamedAndPassesThroughTheHook() {
    try (Vae vae = tiny(16); NDManager m = vae.manager().newSubManager()) {
      List<String> seen = new ArrayList<>();
      List<Shape> shapes = new ArrayList<>();
      vae.decode(m.zeros(new Shape(1, 8)), (layer, maps) -> {
        seen.add(layer);
        shapes.add(maps.getShape());
        return maps;
      });
      assertEquals(List.of("fc", "up1", "up2"), seen);
      assertEquals(vae.decoder().stageNames(), seen);
      assertEquals(new Shape(1, 8, 4, 4), shapes.get(0)); // width 4 doubled once: 8 channels at 4x4
      assertEquals(new Shape(1, 4, 8, 8), shapes.get(1));
      assertEquals(new Shape(1, 3, 16, 16), shapes.get(2)); // the last stage gives RGB logits
    }
  }

  @Test
  void aHookThatZeroesAStageChangesTheImage() {
    try (Vae vae = tiny(8); NDManager m = vae.manager().newSubManager()) {
      NDArray z = m.randomNormal(new Shape(1, 8));
      float[] plain = vae.decode(z, LayerHook.NONE).toFloatArray();
      float[] bent = vae.decode(z, (layer, maps) -> layer.equals("fc") ? maps.zerosLike() : maps).toFloatArray();
      assertTrue(plain[0] != bent[0] || plain[5] != bent[5]);
    }
  }

  @Test
  void decodingTheSameLatentTwiceGivesTheSameBitsAndABatchAgreesClosely() {
    try (Vae vae = tiny(16); NDManager m = vae.manager().newSubManager()) {
      NDArray z = m.randomNormal(new Shape(4, 8));
      float[] once = vae.decode(z.get("2:3"), LayerHook.NONE).toFloatArray();
      float[] again = vae.decode(z.get("2:3"), LayerHook.NONE).toFloatArray();
      assertArrayEquals(once, again);
      // A batch may round differently in the last bit, which is why recipes decode one image at a time.
      assertArrayEquals(once, vae.decode(z, LayerHook.NONE).get(2).toFloatArray(), 1e-5f);
    }
  }

  @Test
  void aResolutionThatIsNotAPowerOfTwoIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VaeConfig(48, 8, 4, 16));
    assertTrue(e.getMessage().contains("[8, 16, 32, 64, 128]"), e.getMessage());
  }
}
