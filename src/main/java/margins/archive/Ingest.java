package margins.archive;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import margins.Hashes;
import margins.MarginsException;
import margins.Progress;

/** Prepares a folder of images as the studio's archive, skipping with a reason whatever cannot be used. */
public final class Ingest {

  /** Fewer images than this cannot train anything worth looking at. */
  public static final int MIN_IMAGES = 16;

  /** Where the skip report goes when too few images were usable and no archive was written. */
  public static final String FAILED_SKIP_REPORT = "ingest-skipped.jsonl";

  private final IngestOptions options;
  private final ImageDecoder decoder;
  private final Framer framer;
  private final List<Skip> skipped = new ArrayList<>();
  private final Map<String, String> byFileHash = new HashMap<>();
  private final Map<String, String> byPixelHash = new HashMap<>();

  private Ingest(IngestOptions options) {
    this.options = options;
    this.decoder = new ImageDecoder(options.background());
    this.framer = new Framer(options);
  }

  public static IngestReport run(Path source, Path studio, IngestOptions options, PrintWriter log) {
    return run(source, studio, options, log, Progress.Target.NONE);
  }

  public static IngestReport run(
      Path source, Path studio, IngestOptions options, PrintWriter log, Progress.Target progress) {
    Path src = source.toAbsolutePath().normalize();
    Path st = studio.toAbsolutePath().normalize();
    checkSource(src, st);
    try {
      return new Ingest(options).into(src, st, log, progress);
    } catch (IOException e) {
      throw new MarginsException("cannot write the archive in " + st + ": " + e.getMessage(), e);
    }
  }

  private static void checkSource(Path src, Path studio) {
    if (!Files.exists(src)) {
      throw new MarginsException("no such folder: " + src);
    }
    if (!Files.isDirectory(src)) {
      throw new MarginsException(src + " is a file, not a folder: give the folder that holds your images");
    }
    if (src.startsWith(studio.resolve(ArchiveWriter.ARCHIVE))) {
      throw new MarginsException("the source " + src + " is inside the archive it would replace");
    }
  }

  private IngestReport into(Path src, Path studio, PrintWriter log, Progress.Target target)
      throws IOException {
    SourceWalker walk = SourceWalker.walk(src, studio);
    skipped.addAll(walk.skipped());
    List<SourceWalker.Found> files = walk.files();
    // Ingests with fewer files than this finish too fast to need a progress line.
    Progress progress = target.start("ingest", files.size(), 200);
    try (ArchiveWriter out = ArchiveWriter.begin(studio)) {
      for (int i = 0; i < files.size(); i++) {
        take(files.get(i), out);
        progress.update(i + 1, "files");
      }
      progress.end();
      skipped.sort(Comparator.comparing(Skip::path));
      if (out.count() < MIN_IMAGES) {
        Path report = studio.resolve(FAILED_SKIP_REPORT);
        ArchiveWriter.writeSkips(report, skipped);
        SkipSummary.print(log, skipped, report);
        throw new MarginsException(String.format(
            "only %d usable image%s in %s, and at least %d are needed; the previous archive (if any)"
                + " is unchanged; the skip report is %s",
            out.count(), out.count() == 1 ? "" : "s", src, MIN_IMAGES, report));
      }
      ArchiveInfo info = out.commit(options, src.toString(), skipped);
      Files.deleteIfExists(studio.resolve(FAILED_SKIP_REPORT));
      Path archive = studio.resolve(ArchiveWriter.ARCHIVE);
      Path report = archive.resolve(ArchiveWriter.SKIPPED);
      SkipSummary.print(log, skipped, report);
      return new IngestReport(info, archive, skipped, report);
    }
  }

  /** Adds one file to the archive, or records why not; no exception from one file stops the ingest. */
  private void take(SourceWalker.Found f, ArchiveWriter out) throws IOException {
    String fileHash;
    try {
      fileHash = Hashes.sha256(f.file());
    } catch (UncheckedIOException e) {
      skipped.add(new Skip(f.relative(), "unreadable: " + e.getCause().getMessage()));
      return;
    } catch (RuntimeException e) {
      skipped.add(new Skip(f.relative(), "unreadable: " + e.getMessage()));
      return;
    }
    String first = byFileHash.putIfAbsent(fileHash, f.relative());
    if (first != null) {
      skipped.add(new Skip(f.relative(), "duplicate of " + first));
      return;
    }
    ImageDecoder.Decoded d;
    byte[] pixels;
    try {
      d = decoder.decode(f.file());
      pixels = framer.frame(d.image());
    } catch (ImageDecoder.Unusable e) {
      skipped.add(new Skip(f.relative(), e.getMessage()));
      return;
    } catch (RuntimeException e) {
      skipped.add(new Skip(f.relative(), "failed: " + e));
      return;
    } catch (OutOfMemoryError e) {
      // Subsampling bounds what a decode holds; this is the last guard for a plugin that ignores it.
      skipped.add(new Skip(f.relative(), "too large: ran out of memory while decoding"));
      return;
    }
    first = byPixelHash.putIfAbsent(Hashes.sha256(pixels), f.relative());
    if (first != null) {
      skipped.add(new Skip(f.relative(), "duplicate of " + first + " (identical prepared pixels)"));
      return;
    }
    out.add(pixels, new ManifestEntry(out.count(), f.relative(), fileHash, d.width(), d.height(), d.format()));
  }
}
