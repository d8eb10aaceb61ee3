package margins.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.InflaterInputStream;
import margins.recipe.Recipe;

/**
 * Reads the recipe text straight from a PNG's chunks (no image decoding, no metadata tree): what a rebuild or a check
 * over tens of thousands of files needs. The text is exactly what was written, so its hash is the item's id.
 */
final class RecipeChunks {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private RecipeChunks() {}

  /** The recipe's JSON text, if the file is a PNG carrying one; empty for other files and damaged PNGs. */
  static Optional<String> text(Path png) {
    try (InputStream raw = Files.newInputStream(png); DataInputStream in = new DataInputStream(
        new java.io.BufferedInputStream(raw, 1 << 14))) {
      byte[] sig = new byte[8];
      in.readFully(sig);
      if (!java.util.Arrays.equals(sig, SIGNATURE)) {
        return Optional.empty();
      }
      while (true) {
        int length = in.readInt();
        byte[] type = new byte[4];
        in.readFully(type);
        String t = new String(type, StandardCharsets.US_ASCII);
        if (length < 0 || t.equals("IEND")) {
          return Optional.empty();
        }
        if (!t.equals("iTXt")) {
          in.skipNBytes(length + 4L);
          continue;
        }
        byte[] data = new byte[length];
        in.readFully(data);
        in.skipNBytes(4);
        Optional<String> text = recipe(data);
        if (text.isPresent()) {
          return text;
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The text of an iTXt chunk whose keyword is the recipe's. */
  private static Optional<String> recipe(byte[] d) throws IOException {
    int k = indexOf(d, 0);
    if (k < 0 || !new String(d, 0, k, StandardCharsets.ISO_8859_1).equals(Recipe.KEYWORD) || k + 2 >= d.length) {
      return Optional.empty();
    }
    boolean compressed = d[k + 1] != 0;
    int lang = indexOf(d, k + 3);
    int translated = lang < 0 ? -1 : indexOf(d, lang + 1);
    if (translated < 0) {
      return Optional.empty();
    }
    int from = translated + 1;
    byte[] text = java.util.Arrays.copyOfRange(d, from, d.length);
    if (compressed) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InflaterInputStream z = new InflaterInputStream(new java.io.ByteArrayInputStream(text))) {
        z.transferTo(out);
      }
      text = out.toByteArray();
    }
    return Optional.of(new String(text, StandardCharsets.UTF_8));
  }

  private static int indexOf(byte[] d, int from) {
    for (int i = from; i < d.length; i++) {
      if (d[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
