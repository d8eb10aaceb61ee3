package margins.bend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import margins.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelsAndConfigTest {

  @Test
  void aSeededFractionPicksTheSameChannelsForTheSameSeed() {
    int[] a = new ChannelSpec.Fraction(0.25, 7).resolve(512, Map.of());
    int[] b = new ChannelSpec.Fraction(0.25, 7).resolve(512, Map.of());
    int[] c = new ChannelSpec.Fraction(0.25, 8).resolve(512, Map.of());
    assertEquals(128, a.length);
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, c), "another seed picks other channels");
  }

  @Test
  void aRangeIsInclusiveAndCheckedAgainstTheChannelCount() {
    assertArrayEquals(new int[] {3, 4, 5}, ChannelSpec.parse("3-5").resolve(8, Map.of()));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChannelSpec.parse("3-10").resolve(8, Map.of()));
    assertTrue(e.getMessage().contains("0-7"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChannelSpec.parse("5-3"));
  }

  @Test
  void aClusterResolvesThroughTheLayersTableAndAnUnknownOneListsTheKnown() {
    Map<Integer, int[]> clusters = Map.of(0, new int[] {4, 1}, 2, new int[] {0});
    assertArrayEquals(new int[] {1, 4}, ChannelSpec.parse("cluster=0").resolve(8, clusters));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ChannelSpec.Cluster(5).resolve(8, clusters));
    assertTrue(e.getMessage().contains("unknown channel cluster 5") && e.getMessage().contains("0, 2"), e.getMessage());
  }

  @Test
  void theOpFormParsesLayerOpParamsAndChannels() {
    Bend b = Bend.parse("up2:rotate:degrees=45:fraction=0.5,seed=3");
    assertEquals("up2", b.layer());
    assertEquals("rotate", b.op());
    assertEquals(Map.of("degrees", 45.0), b.params());
    assertEquals(new ChannelSpec.Fraction(0.5, 3), b.channels());
    assertEquals(ChannelSpec.ALL, Bend.parse("up1:flip-h").channels());
    assertEquals(new ChannelSpec.Range(0, 7), Bend.parse("up1:flip-h::0-7").channels());
  }

  @Test
  void theOpFormRoundTripsThroughJsonAndBack() {
    for (String text :
        List.of("up2:rotate:degrees=45:fraction=0.5,seed=3", "up1:flip-h::0-7", "mid:erode:r=2:cluster=1",
            "up3:translate:dx=1.5,dy=-2:all")) {
      Bend b = Bend.parse(text);
      String json = BendConfig.write(List.of(b));
      assertEquals(List.of(b), BendConfig.parse(json), json);
      assertEquals(b, Bend.parse(b.compact()));
      assertEquals(b, Json.parse(Json.line(b), Bend.class), "records go through the shared mapper too");
    }
    assertEquals("up2:rotate:degrees=45:fraction=0.5,seed=3", Bend.parse("up2:rotate:degrees=45:fraction=0.5,seed=3").compact());
  }

  @Test
  void theJsonFormUsesPlainChannelValues() {
    String line = Json.line(Bend.parse("up2:multiply:factor=2:3-4"));
    assertEquals("{\"layer\":\"up2\",\"op\":\"multiply\",\"params\":{\"factor\":2.0},\"channels\":\"3-4\"}", line);
    assertTrue(Json.line(Bend.parse("a:ablate::fraction=0.5,seed=9")).contains("{\"fraction\":0.5,\"seed\":9}"));
  }

  @Test
  void aBadOpFormSaysWhatTheFormIs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bend.parse("up2"));
    assertTrue(e.getMessage().contains("layer:op"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Bend.parse("up2:rotate:degrees=x"));
    assertThrows(IllegalArgumentException.class, () -> Bend.parse("up2:rotate:degrees=10:fraction=0.5"));
  }

  @Test
  void aConfigErrorNamesTheBadEntryAndTheAllowedValues() {
    String json =
        "[{\"layer\":\"up1\",\"op\":\"flip-h\"},"
            + "{\"layer\":\"up2\",\"op\":\"rotate\",\"params\":{\"degrees\":400}}]";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BendConfig.parse(json));
    assertTrue(e.getMessage().startsWith("bend entry 1:"), e.getMessage());
    assertTrue(e.getMessage().contains("[-360.0, 360.0]"), e.getMessage());

    IllegalArgumentException op =
        assertThrows(IllegalArgumentException.class, () -> BendConfig.parse("[{\"layer\":\"a\",\"op\":\"melt\"}]"));
    assertTrue(op.getMessage().startsWith("bend entry 0:") && op.getMessage().contains("rotate"), op.getMessage());

    IllegalArgumentException key =
        assertThrows(IllegalArgumentException.class, () -> BendConfig.parse("[{\"layer\":\"a\",\"op\":\"ablate\",\"chanels\":\"all\"}]"));
    assertTrue(key.getMessage().contains("'chanels'") && key.getMessage().contains("channels"), key.getMessage());

    assertThrows(IllegalArgumentException.class, () -> BendConfig.parse("{\"layer\":\"a\"}"));
    assertThrows(IllegalArgumentException.class, () -> BendConfig.parse("[{\"layer\":\"a\",\"op\":\"ablate\",\"channels\":{\"fraction\":2,\"seed\":1}}]"));
  }

  @Test
  void aConfigFileReadsBackAndItsErrorsNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bends.json");
    List<Bend> bends = List.of(Bend.parse("up2:scale:factor=1.5:cluster=2"), Bend.parse("up3:invert::10-20"));
    Files.writeString(file, BendConfig.write(bends));
    assertEquals(bends, BendConfig.read(file));
    Files.writeString(file, "[1]");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BendConfig.read(file));
    assertTrue(e.getMessage().contains("bends.json") && e.getMessage().contains("bend entry 0"), e.getMessage());
  }

  @Test
  void aYamlConfigReadsAsTheSameBendsAsItsJsonTwin(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("bends.yaml");
    Files.writeString(yaml, String.join("\n",
        "# rotate half of up2's channels, then flip two of up1's",
        "- layer: up2",
        "  op: rotate",
        "  params: {degrees: 45}",
        "  channels: {fraction: 0.5, seed: 3}",
        "- layer: up1",
        "  op: flip-h",
        "  channels: 0-1",
        ""));
    List<Bend> expected = List.of(Bend.parse("up2:rotate:degrees=45:fraction=0.5,seed=3"), Bend.parse("up1:flip-h::0-1"));
    assertEquals(expected, BendConfig.read(yaml));
    Path json = dir.resolve("bends.json");
    Files.writeString(json, BendConfig.write(expected));
    assertEquals(BendConfig.read(json), BendConfig.read(yaml));
  }

  @Test
  void aBadYamlConfigSaysYamlAndNamesTheFileAndEntry(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bends.yml");
    Files.writeString(file, "- layer: up1\n  op: melt\n");
    IllegalArgumentException op = assertThrows(IllegalArgumentException.class, () -> BendConfig.read(file));
    assertTrue(op.getMessage().contains("bends.yml") && op.getMessage().contains("bend entry 0")
        && op.getMessage().contains("rotate"), op.getMessage());
    Files.writeString(file, "layer: up1\n");
    IllegalArgumentException notList = assertThrows(IllegalArgumentException.class, () -> BendConfig.read(file));
    assertTrue(notList.getMessage().contains("YAML list"), notList.getMessage());
    Files.writeString(file, "- [unclosed\n");
    IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> BendConfig.read(file));
    assertTrue(broken.getMessage().contains("not valid YAML"), broken.getMessage());
  }
}
