package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import margins.Progress;
import margins.archive.PreparedArchive;
import margins.measure.PixelStructure;
import margins.store.ArchiveImages;
import margins.store.Vectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inspector's nearest archive images: the measurer's until the store holds the archive's vectors, then those. */
class ArchiveNeighboursTest {

  static StudioFixture f;
  static String x;
  static String tile;

  @BeforeAll
  static void start() {
    f = new StudioFixture();
    x = f.ok("POST", "/api/explorations", "").get("id").asText();
    tile = f.ok("POST", "/api/explorations/" + x + "/grid", "{}").get("tiles").get(0).get("id").asText();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  static double[] distances(JsonNode inspector) {
    double[] d = new double[inspector.get("nearest").size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = inspector.get("nearest").get(i).get("distance").asDouble();
    }
    return d;
  }

  @Test
  void oncePixelStructureVectorsOfTheWholeArchiveAreStoredTheyAnswerAndAreNeverFartherThanTheMeasurers() {
    JsonNode before = f.ok("GET", "/api/explorations/" + x + "/tiles/" + tile, null);
    assertEquals(ArchiveNeighbours.MEASURER, before.get("nearestFrom").asText());
    List<Integer> train = Arrays.stream(f.studio.measurer().trainIndices()).boxed().toList();
    before.get("nearest").forEach(n -> assertTrue(train.contains(n.get("index").asInt()), n.toString()));

    Vectors.Space pixels = Vectors.featureSpaces().stream().filter(s -> s.id().equals(PixelStructure.ID))
        .findFirst().orElseThrow();
    int made = ArchiveImages.fill(f.studio.store(), PreparedArchive.open(f.studioDir), pixels, Progress.Target.NONE);
    assertTrue(made > train.size() - 1, made + " archive vectors made");

    JsonNode after = f.ok("GET", "/api/explorations/" + x + "/tiles/" + tile, null);
    assertEquals(ArchiveNeighbours.STORE, after.get("nearestFrom").asText());
    double[] was = distances(before);
    double[] now = distances(after);
    assertEquals(Inspector.NEAREST, now.length);
    for (int i = 0; i < now.length; i++) {
      assertTrue(i == 0 || now[i - 1] <= now[i], "nearest first: " + Arrays.toString(now));
      // The store searches every archive image, the measurer's training images among them.
      assertTrue(now[i] <= was[i] + 1e-3, i + ": " + Arrays.toString(now) + " against " + Arrays.toString(was));
    }
  }
}
