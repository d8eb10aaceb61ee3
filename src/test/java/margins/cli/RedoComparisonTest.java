package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What `margins redo` says about the bytes it made again. */
class RedoComparisonTest {

  static final byte[] A = {1, 2, 3};
  static final byte[] B = {1, 2, 4};

  @Test
  void theSameBytesAreSaidToBeTheSame() {
    assertEquals("the same bytes as the original", RedoCommand.comparison(A, A.clone(), "cpu:onednn", "cpu:aten"));
  }

  @Test
  void differentBytesMadeOnAnotherDeviceAreExplainedByIt() {
    String s = RedoCommand.comparison(A, B, "gpu:0", "cpu:onednn");
    assertTrue(s.contains("computed on gpu:0, this one on cpu:onednn"), s);
  }

  @Test
  void differentBytesFromAnImageMadeBeforeDevicesWereRecordedSaySo() {
    String s = RedoCommand.comparison(A, B, null, "cpu:onednn");
    assertTrue(s.contains("before Margins recorded devices"), s);
  }

  @Test
  void differentBytesOnTheSameDeviceAreAskedToBeReported() {
    String s = RedoCommand.comparison(A, B, "cpu:onednn", "cpu:onednn");
    assertTrue(s.contains("please report it"), s);
  }
}
