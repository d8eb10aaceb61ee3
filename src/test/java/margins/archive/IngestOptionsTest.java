package margins.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IngestOptionsTest {

  @Test
  void theDefaultsArePadAt64OnWhite() {
    IngestOptions o = IngestOptions.defaults();
    assertEquals(64, o.size());
    assertEquals(Frame.PAD, o.frame());
    assertEquals("#ffffff", o.backgroundHex());
  }

  @Test
  void backgroundsAreNamedOrHex() {
    assertEquals(0xffffff, IngestOptions.parseBackground("white"));
    assertEquals(0x000000, IngestOptions.parseBackground("BLACK"));
    assertEquals(0x12ab34, IngestOptions.parseBackground("#12AB34"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IngestOptions.parseBackground("mauve"));
    assertTrue(e.getMessage().contains("white, black or #rrggbb"), e.getMessage());
  }

  @Test
  void anUnsupportedSizeNamesTheAllowedOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new IngestOptions(48, Frame.CROP, 0));
    assertTrue(e.getMessage().contains("32, 64, 128"), e.getMessage());
  }

  @Test
  void anUnknownFrameNamesTheAllowedOnes() {
    assertEquals(Frame.STRETCH, Frame.parse("Stretch"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Frame.parse("fit"));
    assertTrue(e.getMessage().contains("crop, pad, stretch"), e.getMessage());
  }
}
