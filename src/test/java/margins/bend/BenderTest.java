package margins.bend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import margins.network.LayerHook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenderTest {

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** (2, 4, 2, 2): value = 1 + channel, so each channel is recognisable. */
  private NDArray fourChannels() {
    float[] v = new float[2 * 4 * 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1 + (i / 4) % 4;
    }
    return manager.create(v, new Shape(2, 4, 2, 2));
  }

  private static float channelValue(NDArray maps, int b, int c) {
    return maps.get(b, c, 0, 0).getFloat();
  }

  @Test
  void aBendTouchesOnlyItsSelectedChannels() {
    NDArray in = fourChannels();
    NDArray out = Bender.apply(in, List.of(Bend.parse("up:ablate::1-2")), Map.of());
    for (int b = 0; b < 2; b++) {
      assertEquals(1f, channelValue(out, b, 0));
      assertEquals(0f, channelValue(out, b, 1));
      assertEquals(0f, channelValue(out, b, 2));
      assertEquals(4f, channelValue(out, b, 3));
    }
    assertEquals(2f, channelValue(in, 0, 1), "the input is left unchanged");
  }

  @Test
  void bendsApplyInListOrder() {
    NDArray in = fourChannels();
    NDArray out =
        Bender.apply(in, List.of(Bend.parse("up:multiply:factor=2"), Bend.parse("up:invert::cluster=7")),
            Map.of(7, new int[] {3}));
    assertEquals(2f, channelValue(out, 0, 0));
    assertEquals(1 - 8f, channelValue(out, 1, 3));
  }

  @Test
  void noBendsGiveANewEqualArray() {
    NDArray in = fourChannels();
    NDArray out = Bender.apply(in, List.of(), Map.of());
    assertArrayEquals(in.toFloatArray(), out.toFloatArray());
  }

  @Test
  void theHookBendsOnlyItsLayersAndChainsWithOthers() {
    NDArray in = fourChannels();
    BendHook hook = new BendHook(List.of(Bend.parse("up2:ablate")), Map.of());
    assertSame(in, hook.after("up1", in));
    assertEquals(0f, hook.after("up2", in).sum().getFloat());
    LayerHook doubled = (layer, maps) -> maps.mul(2);
    NDArray chained = LayerHook.chain(doubled, hook).after("up1", in);
    assertEquals(2f, channelValue(chained, 0, 0));
    assertSame(hook, LayerHook.chain(LayerHook.NONE, hook));
  }

  @Test
  void aRangeBeyondTheLayerFailsWhenApplied() {
    NDArray in = fourChannels();
    assertThrows(IllegalArgumentException.class, () -> Bender.apply(in, List.of(Bend.parse("up:ablate::2-4")), Map.of()));
  }

  @Test
  void activationNoiseIsTheSameForTheSameSeedAndOtherForAnother() {
    NDArray in = manager.zeros(new Shape(1, 3, 4, 4));
    float[] a = new ActivationNoise("up1", 0.5, 11).after("up1", in).toFloatArray();
    float[] b = new ActivationNoise("up1", 0.5, 11).after("up1", in).toFloatArray();
    float[] c = new ActivationNoise("up1", 0.5, 12).after("up1", in).toFloatArray();
    assertArrayEquals(a, b);
    assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
    assertSame(in, new ActivationNoise("up1", 0.5, 11).after("up2", in));
    float[] half = ActivationNoise.at("up1", 11, t -> t, 0.25).after("up1", in).toFloatArray();
    assertEquals(a[5] / 2, half[5], 1e-6f);
    assertThrows(IllegalArgumentException.class, () -> new ActivationNoise("up1", -0.1, 1));
  }
}
