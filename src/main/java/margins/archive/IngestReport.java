package margins.archive;

import java.nio.file.Path;
import java.util.List;

/** What an ingest produced: the archive header, where it lives, and every skipped entry with its report. */
public record IngestReport(ArchiveInfo info, Path archive, List<Skip> skipped, Path skipReport) {

  public IngestReport {
    skipped = List.copyOf(skipped);
  }

  public int kept() {
    return info.count();
  }
}
