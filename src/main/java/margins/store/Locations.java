package margins.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import margins.Hashes;

/** Where files lie as the store records them: relative to the studio when inside it (the studio may move), else absolute. */
final class Locations {

  /**
   * A file as the store sees it.
   *
   * @param key its path as recorded
   * @param sha256 the SHA-256 of its bytes
   * @param bytes its length
   * @param modified its last-modified time, ms since the epoch (an item's time)
   */
  record Facts(String key, String sha256, long bytes, long modified) {}

  private Locations() {}

  static String key(Path studio, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(studio) ? studio.relativize(abs).toString().replace('\\', '/') : abs.toString();
  }

  static Path resolve(Path studio, String key) {
    return studio.resolve(key).normalize();
  }

  static Facts facts(Path studio, Path file) {
    try {
      return new Facts(key(studio, file), Hashes.sha256(file), Files.size(file),
          Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the file on disk still has the recorded length and time (else it is hashed again). */
  static boolean unchanged(Path file, long bytes, long modified) {
    try {
      return Files.size(file) == bytes && Files.getLastModifiedTime(file).toMillis() == modified;
    } catch (IOException e) {
      return false;
    }
  }
}
