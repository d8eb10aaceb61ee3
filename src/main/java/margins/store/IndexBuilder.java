package margins.store;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import margins.Progress;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.FSDirectory;

/**
 * Adds a space's vectors stored after the index's last row to its HNSW graph, then commits. A fresh index ends as
 * one segment (one graph to search per query): one thread adds every document into a RAM buffer sized to hold them
 * all, so it is flushed once, and should the buffer still fill (beyond ~2 GB, or on a small heap) the segments are
 * merged into one at the end, never during the build. Vectors added later go into segments of their own, which
 * Lucene's tiered policy merges as they accumulate.
 */
final class IndexBuilder {

  /** Heap one buffered document takes, generously: its reduced vector and its graph node's neighbours. */
  static final int BYTES_PER_DOC = 4 * HnswIndex.DIMENSION + 8 * (2 * HnswIndex.MAX_CONN + 1) + 400;

  /** Lucene's ceiling on one indexing thread's buffer is 2048 MB; its default hard limit is 1945. */
  private static final double MAX_BUFFER_MB = 1900;

  private record Row(long rowid, String owner, float[] vector) {}

  private IndexBuilder() {}

  static void append(Store store, String space, Pca pca, FSDirectory dir, long maxRowid, long count, boolean create,
      int block, Progress.Target progress) throws IOException {
    append(store, space, pca, dir, maxRowid, count, create, block, IndexBuilder::bufferMb, progress);
  }

  /** The same with the RAM buffer (MB) given for the number of documents to add. */
  static void append(Store store, String space, Pca pca, FSDirectory dir, long maxRowid, long count, boolean create,
      int block, LongToDoubleFunction buffer, Progress.Target progress) throws IOException {
    long total = HnswIndex.rowsUpTo(store, space, Long.MAX_VALUE) - HnswIndex.rowsUpTo(store, space, maxRowid);
    if (total == 0 && !create) {
      return;
    }
    Progress bar = progress.start("indexing " + space, total, 20_000);
    long last = maxRowid;
    long added = 0;
    try (IndexWriter w = new IndexWriter(dir, config(create, buffer.applyAsDouble(total)))) {
      while (true) {
        List<Row> rows = read(store, space, last, block);
        if (rows.isEmpty()) {
          break;
        }
        // Projection on every core; the documents from this one thread, so they fill one buffer (one segment).
        float[][] reduced = rows.parallelStream().map(r -> pca.project(r.vector())).toArray(float[][]::new);
        for (int i = 0; i < rows.size(); i++) {
          w.addDocument(HnswIndex.document(rows.get(i).rowid(), rows.get(i).owner(), reduced[i]));
        }
        last = rows.get(rows.size() - 1).rowid();
        added += rows.size();
        bar.update(added, "");
      }
      if (create) {
        w.forceMerge(1);
      }
      w.setLiveCommitData(Map.of("space", space, "maxRowid", Long.toString(last),
          "count", Long.toString(count + added)).entrySet());
      w.commit();
    }
    bar.end();
  }

  /** A buffer that holds {@code docs} documents, within Lucene's ceiling and half the heap. */
  static double bufferMb(long docs) {
    double wanted = 16 + 1.25 * docs * BYTES_PER_DOC / (1024.0 * 1024.0);
    double heap = Runtime.getRuntime().maxMemory() / (2 * 1024.0 * 1024.0);
    return Math.max(16, Math.min(wanted, Math.min(MAX_BUFFER_MB, heap)));
  }

  /** Lucene's codec with the graph's parameters; a fresh build merges only when told to, at its end. */
  static IndexWriterConfig config(boolean create, double bufferMb) {
    IndexWriterConfig c = new IndexWriterConfig();
    c.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
    c.setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH);
    c.setRAMBufferSizeMB(bufferMb);
    c.setMergePolicy(create ? new ForcedOnly(new TieredMergePolicy()) : new TieredMergePolicy());
    c.setCodec(new Lucene912Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return new Lucene99HnswVectorsFormat(HnswIndex.MAX_CONN, HnswIndex.BEAM);
      }
    });
    return c;
  }

  /** A policy that merges on forceMerge only: each natural merge would rebuild a graph the final one rebuilds. */
  private static final class ForcedOnly extends FilterMergePolicy {

    ForcedOnly(MergePolicy in) {
      super(in);
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
      return null;
    }
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
