package margins.bend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import margins.Json;
import org.junit.jupiter.api.Test;

class ChannelIndicesTest {

  @Test
  void aListOfIndicesParsesSortedAndDistinctAndReadsBackFromItsText() {
    ChannelSpec s = ChannelSpec.parse("9,1,4,4");
    assertArrayEquals(new int[] {1, 4, 9}, s.resolve(10, Map.of()));
    assertEquals("1,4,9", s.text());
    assertEquals(s, ChannelSpec.parse(s.text()));
  }

  @Test
  void indicesRoundTripThroughABendsJson() {
    Bend b = new Bend("up1", "ablate", Map.of(), new ChannelSpec.Indices(new int[] {2, 7}));
    assertTrue(Json.line(b).contains("{\"indices\":[2,7]}"), Json.line(b));
    assertEquals(b, Json.parse(Json.line(b), Bend.class));
    assertEquals(List.of(b), BendConfig.parse(BendConfig.write(List.of(b))));
  }

  @Test
  void anIndexOutsideTheLayerNamesTheAllowedRange() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChannelSpec.parse("3,12").resolve(8, Map.of()));
    assertTrue(e.getMessage().contains("0-7"), e.getMessage());
  }
}
