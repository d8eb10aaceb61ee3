package margins.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import margins.MarginsException;
import margins.Progress;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * The approximate index of one space: Lucene's HNSW graph over the vectors reduced to {@link #DIMENSION} principal
 * components, whose candidates are then ranked again by exact distance on the full vectors read from the store.
 * It is a cache beside the database (studio/store/index/KEY): built on first use, extended with the vectors added
 * since, built again when vectors were removed or replaced.
 */
public final class HnswIndex implements AutoCloseable {

  /** Components the graph is built on (the full vectors rank its candidates). */
  public static final int DIMENSION = 64;

  /** Graph degree and beam width while building (Lucene's M and efConstruction). */
  static final int MAX_CONN = 16;

  static final int BEAM = 64;

  /** Candidates taken from the graph per wanted neighbour, at least {@link #MIN_CANDIDATES}. */
  static final int CANDIDATES_PER_HIT = 10;

  static final int MIN_CANDIDATES = 100;

  private static final int READ_BLOCK = 20_000;

  private final Store store;
  private final String space;
  private final Pca pca;
  private final FSDirectory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final ExecutorService pool;

  private HnswIndex(Store store, String space, Pca pca, FSDirectory dir) throws IOException {
    this.store = store;
    this.space = space;
    this.pca = pca;
    this.dir = dir;
    this.reader = DirectoryReader.open(dir);
    this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
        r -> {
          Thread t = new Thread(r, "hnsw-search");
          t.setDaemon(true);
          return t;
        });
    this.searcher = new IndexSearcher(reader, pool);
  }

  /** Where a space's index lies. */
  public static Path folder(Store store, String space) {
    return store.studio().resolve(Store.DIR).resolve("index").resolve(space.replaceAll("[^A-Za-z0-9_.@-]", "_"));
  }

  /** The space's index, brought up to date with the store (built when missing or stale). */
  public static HnswIndex open(Store store, String space, Progress.Target progress) {
    Path folder = folder(store, space);
    try {
      Files.createDirectories(folder);
      FSDirectory dir = FSDirectory.open(folder);
      Map<String, String> data = DirectoryReader.indexExists(dir)
          ? DirectoryReader.listCommits(dir).get(DirectoryReader.listCommits(dir).size() - 1).getUserData() : Map.of();
      long maxRowid = Long.parseLong(data.getOrDefault("maxRowid", "-1"));
      long count = Long.parseLong(data.getOrDefault("count", "-1"));
      Path pcaFile = folder.resolve("pca.bin");
      boolean fresh = maxRowid < 0 || !Files.exists(pcaFile) || !space.equals(data.get("space"))
          || rowsUpTo(store, space, maxRowid) != count;
      Pca pca;
      if (fresh) {
        dir.close();
        clear(folder);
        dir = FSDirectory.open(folder);
        pca = PcaFile.fit(store, space, DIMENSION);
        PcaFile.write(pcaFile, pca);
        maxRowid = 0;
        count = 0;
      } else {
        pca = PcaFile.read(pcaFile);
      }
      IndexBuilder.append(store, space, pca, dir, maxRowid, count, fresh, READ_BLOCK, progress);
      return new HnswIndex(store, space, pca, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One document: the reduced vector, its row in the store, and whether it is an archive image's. */
  static Document document(long rowid, String owner, float[] reduced) {
    Document d = new Document();
    d.add(new KnnFloatVectorField("v", reduced, VectorSimilarityFunction.EUCLIDEAN));
    d.add(new StoredField("rowid", rowid));
    d.add(new StringField("set", owner.startsWith("archive:") ? "archive" : "item", Field.Store.NO));
    return d;
  }

  /** How many documents the index holds. */
  public int size() {
    return reader.numDocs();
  }

  /** How many segments it has: each is a graph of its own, searched per query. */
  public int segments() {
    return reader.leaves().size();
  }

  /** The k nearest items (or archive images), ranked by exact distance among the graph's candidates. */
  public List<Nearest.Hit> search(float[] query, int k, boolean archive) {
    int candidates = Math.max(MIN_CANDIDATES, CANDIDATES_PER_HIT * k);
    try {
      var q = new KnnFloatVectorQuery("v", pca.project(query), candidates,
          new TermQuery(new Term("set", archive ? "archive" : "item")));
      ScoreDoc[] docs = searcher.search(q, candidates).scoreDocs;
      List<Long> rows = new ArrayList<>(docs.length);
      var fields = searcher.storedFields();
      for (ScoreDoc sd : docs) {
        rows.add(fields.document(sd.doc).getField("rowid").numericValue().longValue());
      }
      List<Nearest.Hit> hits = rerank(rows, query);
      return hits.subList(0, Math.min(k, hits.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Nearest.Hit> rerank(List<Long> rows, float[] query) {
    return store.read(c -> {
      List<Nearest.Hit> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT owner, vector FROM vectors WHERE rowid = ?")) {
        for (long r : rows) {
          p.setLong(1, r);
          try (ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
              out.add(new Nearest.Hit(rs.getString(1), Math.sqrt(Nearest.squared(Blobs.floats(rs.getBytes(2)), query))));
            }
          }
        }
      }
      out.sort(Comparator.comparingDouble(Nearest.Hit::distance).thenComparing(Nearest.Hit::owner));
      return out;
    });
  }

  static long rowsUpTo(Store store, String space, long maxRowid) {
    return store.read(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM vectors WHERE space = ? AND rowid <= ?")) {
        p.setString(1, space);
        p.setLong(2, maxRowid);
        try (ResultSet rs = p.executeQuery()) {
          return rs.next() ? rs.getLong(1) : 0L;
        }
      }
    });
  }

  private static void clear(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
      pool.shutdownNow();
    } catch (IOException e) {
      throw new MarginsException("cannot close the index of " + space + ": " + e.getMessage(), e);
    }
  }
}
