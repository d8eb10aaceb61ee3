package margins.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import margins.MarginsException;
import org.junit.jupiter.api.Test;

class ConvPathTest {

  @Test
  void autoOrNothingLeavesTheChoiceToTheSelfCheck() {
    assertNull(ConvPath.forced(null));
    assertNull(ConvPath.forced(""));
    assertNull(ConvPath.forced("AUTO"));
  }

  @Test
  void aPathCanBeForcedByItsId() {
    assertEquals(ConvPath.ATEN, ConvPath.forced("aten"));
    assertEquals(ConvPath.ONEDNN, ConvPath.forced(" oneDNN "));
  }

  @Test
  void anUnknownPathSaysWhatIsAllowed() {
    MarginsException e = assertThrows(MarginsException.class, () -> ConvPath.forced("mkl"));
    assertTrue(e.getMessage().contains("MARGINS_CONV must be auto, onednn or aten, not 'mkl'"), e.getMessage());
  }
}
