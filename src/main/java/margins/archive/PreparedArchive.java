package margins.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import margins.Hashes;
import margins.Json;
import margins.MarginsException;

/** A prepared archive read back from a studio, checked against its recorded length and hash. */
public final class PreparedArchive {

  private final ArchiveInfo info;
  private final byte[] pixels;
  private final List<ManifestEntry> manifest;

  private PreparedArchive(ArchiveInfo info, byte[] pixels, List<ManifestEntry> manifest) {
    this.info = info;
    this.pixels = pixels;
    this.manifest = List.copyOf(manifest);
  }

  /** Opens studio/archive, or explains that there is none (or that it is damaged) and how to make one. */
  public static PreparedArchive open(Path studio) {
    Path dir = studio.resolve(ArchiveWriter.ARCHIVE);
    try {
      ArchiveInfo info = Json.MAPPER.readValue(dir.resolve(ArchiveWriter.INFO).toFile(), ArchiveInfo.class);
      long expected = (long) info.count() * info.imageBytes();
      if (info.count() < 1 || !IngestOptions.SIZES.contains(info.size()) || expected > Integer.MAX_VALUE) {
        throw missing(studio, "archive.json is not valid");
      }
      Path pixelFile = dir.resolve(ArchiveWriter.PIXELS);
      if (Files.size(pixelFile) != expected) {
        throw missing(studio, "pixels.u8 has " + Files.size(pixelFile) + " bytes, expected " + expected);
      }
      byte[] pixels = Files.readAllBytes(pixelFile);
      if (!Hashes.sha256(pixels).equals(info.hash())) {
        throw missing(studio, "pixels.u8 does not match its hash");
      }
      List<ManifestEntry> manifest = new ArrayList<>();
      for (String line : Files.readAllLines(dir.resolve(ArchiveWriter.MANIFEST))) {
        if (!line.isBlank()) {
          manifest.add(Json.MAPPER.readValue(line, ManifestEntry.class));
        }
      }
      if (manifest.size() != info.count()) {
        throw missing(studio, "manifest.jsonl lists " + manifest.size() + " images, expected " + info.count());
      }
      return new PreparedArchive(info, pixels, manifest);
    } catch (IOException | RuntimeException e) {
      if (e instanceof MarginsException m) {
        throw m;
      }
      throw missing(studio, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static MarginsException missing(Path studio, String why) {
    return new MarginsException("no prepared archive in " + studio
        + ": run 'margins ingest <folder>' first (" + why + ")");
  }

  public ArchiveInfo info() {
    return info;
  }

  public int count() {
    return info.count();
  }

  public int size() {
    return info.size();
  }

  public String hash() {
    return info.hash();
  }

  /** All images, (N, H, W, 3) RGB bytes; the array is shared, so do not modify it. */
  public byte[] pixels() {
    return pixels;
  }

  /** Writes image {@code index} as 3*size*size floats in [0,1], layout (C, H, W), starting at {@code offset}. */
  public void copyChw(int index, float[] dst, int offset) {
    if (index < 0 || index >= count()) {
      throw new IllegalArgumentException("image index " + index + " is outside 0.." + (count() - 1));
    }
    int plane = size() * size();
    int base = index * info.imageBytes();
    for (int p = 0; p < plane; p++) {
      int at = base + p * 3;
      dst[offset + p] = (pixels[at] & 0xff) / 255f;
      dst[offset + plane + p] = (pixels[at + 1] & 0xff) / 255f;
      dst[offset + 2 * plane + p] = (pixels[at + 2] & 0xff) / 255f;
    }
  }

  public List<ManifestEntry> manifest() {
    return manifest;
  }
}
