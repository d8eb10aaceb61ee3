package margins.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import margins.Progress;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A built index is one segment, one graph per query, even when its RAM buffer filled several times. */
class IndexBuilderTest {

  @TempDir Path tmp;

  private static final int N = 4000;

  @Test
  void anOpenedIndexHasOneSegmentHoldingEveryVector() {
    try (Store store = stored();
        HnswIndex index = HnswIndex.open(store, "s@1", Progress.Target.NONE)) {
      assertEquals(N, index.size());
      assertEquals(1, index.segments());
    }
  }

  @Test
  void aFreshBuildWhoseBufferFillsSeveralTimesStillEndsInOneSegment() throws Exception {
    try (Store store = stored(); FSDirectory dir = FSDirectory.open(tmp.resolve("fresh"))) {
      Pca pca = PcaFile.fit(store, "s@1", HnswIndex.DIMENSION);
      IndexBuilder.append(store, "s@1", pca, dir, 0, 0, true, 500, docs -> 1.0, Progress.Target.NONE);
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertEquals(N, r.numDocs());
        assertEquals(1, r.leaves().size());
      }
    }
  }

  @Test
  void theSameOneMegabyteBufferFlushesSeveralSegmentsWhenNothingMergesThem() throws Exception {
    try (Store store = stored(); FSDirectory dir = FSDirectory.open(tmp.resolve("appended"))) {
      Pca pca = PcaFile.fit(store, "s@1", HnswIndex.DIMENSION);
      // An empty index first (no rows after the last), then every row appended: appends are not force-merged.
      IndexBuilder.append(store, "s@1", pca, dir, Long.MAX_VALUE, 0, true, 500, docs -> 1.0, Progress.Target.NONE);
      IndexBuilder.append(store, "s@1", pca, dir, 0, 0, false, 500, docs -> 1.0, Progress.Target.NONE);
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertEquals(N, r.numDocs());
        assertTrue(r.leaves().size() > 1, "segments: " + r.leaves().size());
      }
    }
  }

  @Test
  void theBufferIsSizedToTheVectorsWithinLuceneCeilingAndHalfTheHeap() {
    double million = IndexBuilder.bufferMb(1_000_000);
    double heapHalf = Runtime.getRuntime().maxMemory() / (2 * 1024.0 * 1024.0);
    assertTrue(million >= Math.min(heapHalf, 1e6 * IndexBuilder.BYTES_PER_DOC / 1048576.0), "buffer " + million);
    assertTrue(million <= Math.min(1900, heapHalf), "buffer " + million);
    assertEquals(16, IndexBuilder.bufferMb(0), 1e-9);
    assertTrue(IndexBuilder.bufferMb(100_000_000) <= 1900);
  }

  private Store stored() {
    Store store = Store.open(tmp.resolve("studio"));
    float[][] v = NearestTest.clustered(N, 96, 7);
    List<String> owners = IntStream.range(0, N).mapToObj(i -> "item" + i).toList();
    Vectors.store(store, "s@1", "s", 96, owners, Arrays.asList(v));
    return store;
  }
}
