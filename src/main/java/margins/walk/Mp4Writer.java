package margins.walk;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import margins.MarginsException;
import org.jcodec.api.awt.AWTSequenceEncoder;

/**
 * H.264 MP4: through {@code ffmpeg} (libx264, yuv420p) when one is on the PATH, else jcodec's pure
 * Java encoder. yuv420p halves the colour resolution, so sizes must be even: an odd width or height
 * gains one column or row that repeats the edge pixels, rather than rescaling the picture. The headers'
 * times are zeroed, so the same frames give the same bytes (see {@link Mp4Times}).
 */
public final class Mp4Writer implements AnimationWriter {

  private final Optional<Path> ffmpeg;

  /** @param ffmpeg the ffmpeg executable to use, or empty for jcodec */
  public Mp4Writer(Optional<Path> ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /** Uses the first {@code ffmpeg} on the PATH, or jcodec when there is none. */
  public static Mp4Writer onPath() {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, "ffmpeg");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return new Mp4Writer(Optional.of(candidate));
        }
      }
    }
    return new Mp4Writer(Optional.empty());
  }

  /** The encoder this writer will use: {@code ffmpeg} or {@code jcodec}. */
  public String encoder() {
    return ffmpeg.isPresent() ? "ffmpeg" : "jcodec";
  }

  @Override
  public void write(List<BufferedImage> frames, int fps, Path out) {
    AnimationWriter.check(frames, fps);
    List<BufferedImage> even = new ArrayList<>(frames.size());
    for (BufferedImage f : frames) {
      even.add(EvenSize.pad(f));
    }
    Path dir = out.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".mp4");
      try {
        if (ffmpeg.isPresent()) {
          viaFfmpeg(ffmpeg.get(), even, fps, tmp);
        } else {
          viaJcodec(even, fps, tmp);
        }
        Mp4Times.zero(tmp);
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write MP4 " + out, e);
    }
  }

  private static void viaJcodec(List<BufferedImage> frames, int fps, Path tmp) throws IOException {
    AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(tmp.toFile(), fps);
    for (BufferedImage f : frames) {
      encoder.encodeImage(f);
    }
    encoder.finish();
  }

  private static void viaFfmpeg(Path exe, List<BufferedImage> frames, int fps, Path tmp) throws IOException {
    Path pngs = Files.createTempDirectory("margins-mp4-");
    try {
      new PngFramesWriter().write(frames, fps, pngs);
      Path log = pngs.resolve("ffmpeg.log");
      Process p =
          new ProcessBuilder(
                  exe.toString(), "-y", "-loglevel", "error", "-framerate", Integer.toString(fps),
                  "-i", pngs.resolve("frame-%04d.png").toString(),
                  "-c:v", "libx264", "-pix_fmt", "yuv420p", "-fflags", "+bitexact", "-flags:v", "+bitexact",
                  "-map_metadata", "-1", "-f", "mp4", tmp.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      int code = p.waitFor();
      if (code != 0) {
        throw new MarginsException(
            "ffmpeg failed (exit " + code + "): " + Files.readString(log, StandardCharsets.UTF_8).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MarginsException("interrupted while ffmpeg encoded " + tmp, e);
    } finally {
      try (Stream<Path> files = Files.walk(pngs)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
