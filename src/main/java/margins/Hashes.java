package margins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lowercase hex, of bytes, text or a file streamed without loading it whole: the one place it is made. */
public final class Hashes {

  private Hashes() {}

  /** A fresh SHA-256 digest, for hashing in pieces. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The SHA-256 of these bytes. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The SHA-256 of this text's UTF-8 bytes. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hex of what a digest fed in pieces has seen. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The SHA-256 of a file's bytes, streamed. */
  public static String sha256(Path file) {
    MessageDigest d = digest();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hex(d);
  }

  /** Eight hex digits of the text's SHA-256: a short stable name, so the same settings land in the same folder. */
  public static String tag(String text) {
    return sha256(text).substring(0, 8);
  }

  /** The first 12 hex digits, as names and messages show a hash. */
  public static String brief(String hash) {
    return hash == null || hash.length() <= 12 ? hash : hash.substring(0, 12);
  }
}
