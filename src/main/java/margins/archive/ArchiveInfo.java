package margins.archive;

/** The header of a prepared archive (archive.json): geometry, framing, count and pixel hash. */
public record ArchiveInfo(
    int size, Frame frame, String background, int count, String hash, String source, int skipped) {

  /** Bytes one image takes in pixels.u8: size x size RGB. */
  public int imageBytes() {
    return size * size * 3;
  }
}
