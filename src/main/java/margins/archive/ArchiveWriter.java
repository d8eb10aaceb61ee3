package margins.archive;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import margins.Files2;
import margins.Hashes;
import margins.Json;

/**
 * Builds a prepared archive in a hidden folder inside the studio and, on commit, renames it over
 * {@code studio/archive}; closing without a commit deletes the half-built folder, so a failed
 * ingest leaves the previous archive exactly as it was.
 */
final class ArchiveWriter implements AutoCloseable {

  static final String ARCHIVE = "archive";
  static final String INFO = "archive.json";
  static final String PIXELS = "pixels.u8";
  static final String MANIFEST = "manifest.jsonl";
  static final String SKIPPED = "skipped.jsonl";

  private final Path studio;
  private final Path building;
  private final MessageDigest digest = Hashes.digest();
  private final OutputStream pixels;
  private final StringBuilder manifest = new StringBuilder();
  private int count;
  private boolean committed;

  private ArchiveWriter(Path studio) throws IOException {
    this.studio = studio;
    Files.createDirectories(studio);
    this.building = Files.createTempDirectory(studio, ".archive-building-");
    try {
      // Temporary folders are created private; the archive is for the studio's other programs too.
      Files.setPosixFilePermissions(building, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: its defaults apply.
    }
    this.pixels = new DigestOutputStream(
        new BufferedOutputStream(Files.newOutputStream(building.resolve(PIXELS)), 1 << 16), digest);
  }

  static ArchiveWriter begin(Path studio) throws IOException {
    return new ArchiveWriter(studio);
  }

  int count() {
    return count;
  }

  /** Appends one prepared image; its manifest entry must carry index {@link #count()}. */
  void add(byte[] image, ManifestEntry entry) throws IOException {
    pixels.write(image);
    manifest.append(Json.line(entry)).append('\n');
    count++;
  }

  /** Writes the remaining files, swaps the new archive in and returns its header. */
  ArchiveInfo commit(IngestOptions options, String source, List<Skip> skipped) throws IOException {
    pixels.close();
    ArchiveInfo info = new ArchiveInfo(options.size(), options.frame(), options.backgroundHex(),
        count, Hashes.hex(digest), source, skipped.size());
    Files.writeString(building.resolve(MANIFEST), manifest, StandardCharsets.UTF_8);
    Files.writeString(building.resolve(SKIPPED), skipLines(skipped), StandardCharsets.UTF_8);
    // archive.json last: a folder without it is never mistaken for an archive.
    Files.writeString(building.resolve(INFO), Json.pretty(info), StandardCharsets.UTF_8);
    swapIn();
    committed = true;
    return info;
  }

  /** Replaces studio/archive with the built folder; on failure the old archive is put back. */
  private void swapIn() throws IOException {
    Path target = studio.resolve(ARCHIVE);
    Path old = null;
    if (Files.exists(target)) {
      old = studio.resolve(".archive-old-" + building.getFileName().toString().replace(".archive-building-", ""));
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  /** Writes a skip report on its own, for an ingest that ends without an archive. */
  static void writeSkips(Path file, List<Skip> skipped) {
    Files2.writeAtomic(file, skipLines(skipped));
  }

  private static String skipLines(List<Skip> skipped) {
    StringBuilder lines = new StringBuilder();
    for (Skip s : skipped) {
      lines.append(Json.line(s)).append('\n');
    }
    return lines.toString();
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      pixels.close();
      deleteTree(building);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
