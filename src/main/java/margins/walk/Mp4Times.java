package margins.walk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Sets the creation and modification times of an MP4's movie, track and media headers to zero (1904), in
 * place. jcodec stamps the wall clock there and offers no way to choose it; with the times fixed, the same
 * frames make the same file, so a walk made again by its recipe is byte for byte the first one.
 */
final class Mp4Times {

  /** Boxes whose children are boxes, on the way down to the headers. */
  private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
  /** Full boxes whose first fields after version and flags are creation and modification time. */
  private static final Set<String> HEADERS = Set.of("mvhd", "tkhd", "mdhd");

  private Mp4Times() {}

  static void zero(Path mp4) throws IOException {
    try (FileChannel ch = FileChannel.open(mp4, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      walk(ch, 0, ch.size());
    }
  }

  private static void walk(FileChannel ch, long from, long to) throws IOException {
    long at = from;
    while (at + 8 <= to) {
      ByteBuffer head = read(ch, at, 16);
      long size = Integer.toUnsignedLong(head.getInt(0));
      String type = new String(new byte[] {head.get(4), head.get(5), head.get(6), head.get(7)}, "ISO-8859-1");
      int headerLength = 8;
      if (size == 1) { // a 64-bit size follows the type
        size = head.getLong(8);
        headerLength = 16;
      } else if (size == 0) { // the box runs to the end of its parent
        size = to - at;
      }
      if (size < headerLength || at + size > to) {
        throw new IOException("malformed MP4 box '" + type + "' at byte " + at);
      }
      if (CONTAINERS.contains(type)) {
        walk(ch, at + headerLength, at + size);
      } else if (HEADERS.contains(type)) {
        long fields = at + headerLength + 4; // after version (1 byte) and flags (3 bytes)
        int version = read(ch, at + headerLength, 1).get(0);
        int width = version == 1 ? 16 : 8; // two 64-bit or two 32-bit times
        if (fields + width > at + size) {
          throw new IOException("MP4 header '" + type + "' too short at byte " + at);
        }
        ch.write(ByteBuffer.allocate(width), fields);
      }
      at += size;
    }
  }

  private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {
      // keep reading: a channel may return fewer bytes than asked
    }
    return b;
  }
}
