package margins.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import margins.Hashes;
import margins.MarginsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedArchiveTest {

  @TempDir Path tmp;

  private Path studioWithArchive() {
    Path src = tmp.resolve("src");
    TestImages.distinctPngs(src, 16);
    Path studio = tmp.resolve("studio");
    Ingest.run(src, studio, new IngestOptions(32, Frame.CROP, 0xffffff), new PrintWriter(new StringWriter()));
    return studio;
  }

  @Test
  void anIngestedArchiveOpensWithItsInfoAndManifest() {
    PreparedArchive a = PreparedArchive.open(studioWithArchive());
    assertEquals(16, a.count());
    assertEquals(32, a.size());
    assertEquals(16 * 32 * 32 * 3, a.pixels().length);
    assertEquals(Hashes.sha256(a.pixels()), a.hash());
    assertEquals(Frame.CROP, a.info().frame());
    assertEquals("00.png", a.manifest().get(0).source());
    assertEquals(15, a.manifest().get(15).index());
  }

  @Test
  void copyChwWritesPlanesOfUnitFloats() {
    PreparedArchive a = PreparedArchive.open(studioWithArchive());
    int plane = 32 * 32;
    float[] dst = new float[5 + 3 * plane];
    a.copyChw(2, dst, 5);
    int base = 2 * 32 * 32 * 3;
    int pixel = 7 * 32 + 9;
    for (int c = 0; c < 3; c++) {
      float expected = (a.pixels()[base + pixel * 3 + c] & 0xff) / 255f;
      assertEquals(expected, dst[5 + c * plane + pixel], 1e-7);
    }
    assertEquals(0f, dst[0]);
    assertThrows(IllegalArgumentException.class, () -> a.copyChw(16, dst, 0));
  }

  @Test
  void aMissingArchiveSaysToRunIngest() {
    MarginsException e = assertThrows(MarginsException.class, () -> PreparedArchive.open(tmp));
    assertTrue(e.getMessage().startsWith("no prepared archive in " + tmp
        + ": run 'margins ingest <folder>' first"), e.getMessage());
  }

  @Test
  void aDamagedPixelFileIsRefused() throws IOException {
    Path studio = studioWithArchive();
    Path pixels = studio.resolve("archive/pixels.u8");
    byte[] bytes = Files.readAllBytes(pixels);
    bytes[100] ^= 1;
    Files.write(pixels, bytes);
    MarginsException flipped = assertThrows(MarginsException.class, () -> PreparedArchive.open(studio));
    assertTrue(flipped.getMessage().contains("does not match its hash"), flipped.getMessage());
    Files.write(pixels, new byte[10]);
    MarginsException shortened = assertThrows(MarginsException.class, () -> PreparedArchive.open(studio));
    assertTrue(shortened.getMessage().contains("expected " + bytes.length), shortened.getMessage());
  }
}
