package margins.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import margins.Progress;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;

/** Adds a space's vectors stored after the index's last row to its HNSW graph, on every core, then commits. */
final class IndexBuilder {

  private record Row(long rowid, String owner, float[] vector) {}

  private IndexBuilder() {}

  static void append(Store store, String space, Pca pca, FSDirectory dir, long maxRowid, long count, boolean create,
      int block, Progress.Target progress) throws IOException {
    long total = HnswIndex.rowsUpTo(store, space, Long.MAX_VALUE) - HnswIndex.rowsUpTo(store, space, maxRowid);
    if (total == 0 && !create) {
      return;
    }
    Progress bar = progress.start("indexing " + space, total, 20_000);
    long last = maxRowid;
    long added = 0;
    try (IndexWriter w = new IndexWriter(dir, HnswIndex.config(create))) {
      while (true) {
        List<Row> rows = read(store, space, last, block);
        if (rows.isEmpty()) {
          break;
        }
        // IndexWriter takes documents from several threads at once, each into a segment of its own.
        IntStream.range(0, rows.size()).parallel().forEach(i -> {
          Row r = rows.get(i);
          try {
            w.addDocument(HnswIndex.document(r.rowid(), r.owner(), pca.project(r.vector())));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        last = rows.get(rows.size() - 1).rowid();
        added += rows.size();
        bar.update(added, "");
      }
      w.setLiveCommitData(Map.of("space", space, "maxRowid", Long.toString(last),
          "count", Long.toString(count + added)).entrySet());
      w.commit();
    }
    bar.end();
  }

  private static List<Row> read(Store store, String space, long after, int block) {
    return store.read(c -> {
      List<Row> out = new ArrayList<>(block);
      try (PreparedStatement p = c.prepareStatement("SELECT rowid, owner, vector FROM vectors WHERE space = ?"
          + " AND rowid > ? ORDER BY rowid LIMIT ?")) {
        p.setString(1, space);
        p.setLong(2, after);
        p.setInt(3, block);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new Row(rs.getLong(1), rs.getString(2), Blobs.floats(rs.getBytes(3))));
          }
        }
      }
      return out;
    });
  }
}
