package margins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Atomic writes (a temporary file beside the target, then a rename, so a crash never leaves half a file) and
 * appends of whole lines (one write each, so a crash leaves the lines written before it).
 */
public final class Files2 {

  private Files2() {}

  public static void writeAtomic(Path target, byte[] bytes) {
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try {
        Files.write(tmp, bytes);
        readableByAll(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Temporary files are created private (0600); outputs are for other programs and people too (a viewer, a web
   * server, TouchDesigner under another account), so they get the usual rw-r--r--.
   */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its defaults apply.
    }
  }

  public static void writeAtomic(Path target, String text) {
    writeAtomic(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends text (whole lines) to a file, creating it readable by all if it is new. */
  public static void append(Path target, String text) {
    try {
      boolean fresh = !Files.exists(target);
      Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (fresh) {
        readableByAll(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
