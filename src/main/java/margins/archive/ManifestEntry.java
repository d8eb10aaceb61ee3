package margins.archive;

/**
 * One kept image (a line of manifest.jsonl): its index in pixels.u8, its path relative to the
 * source folder, the SHA-256 of its file bytes, its size as seen (after EXIF orientation) and format.
 */
public record ManifestEntry(int index, String source, String sha256, int width, int height, String format) {}
