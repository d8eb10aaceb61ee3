package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import margins.Json;
import margins.store.Store;
import margins.store.StudioAct;
import margins.store.StudioActs;
import margins.studio.Act;
import margins.studio.Entry;
import margins.studio.FileJournal;
import margins.studio.Tile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a real `margins studio` (its own JVM) loses no acknowledged act, keep or lineage. */
class KilledStudioTest {

  private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/\\?token=([0-9A-Za-z_-]+)");

  @TempDir Path tmp;

  @Test
  void aStudioKilledMidWorkReplaysItsJournalAndReopensWithItsKeepsAndLineage() throws Exception {
    Path studio = SharedStudio.copy(tmp);
    Link first = start(studio, tmp.resolve("first.log"));
    String x;
    List<String> kept = new ArrayList<>();
    String child = null;
    try {
      x = first.call("POST", "/api/explorations", "").get("id").asText();
      JsonNode grid = first.call("POST", "/api/explorations/" + x + "/grid", "{}").get("tiles");
      for (int i = 0; i < 2; i++) {
        kept.add(grid.get(i).get("id").asText());
        first.call("POST", "/api/explorations/" + x + "/tiles/" + kept.get(i) + "/keep", "{}");
      }
      first.call("POST", "/api/explorations/" + x + "/settings", "{\"mutation\": 0.3}");
      JsonNode children = first.call("POST", "/api/explorations/" + x + "/breed",
          "{\"parents\": [\"" + kept.get(0) + "\", \"" + kept.get(1) + "\"], \"mutation\": 0.2}").get("tiles");
      for (JsonNode c : children) {
        if (c.get("origin").asText().equals("crossover")) {
          child = c.get("id").asText();
        }
      }
      assertTrue(child != null, "half the children of two parents are crossovers: " + children);
      first.call("POST", "/api/explorations/" + x + "/tiles/" + child + "/keep", "{}");
      kept.add(child);
      first.send("POST", "/api/explorations/" + x + "/grid", "{}"); // mid-work: a grid being made, not awaited
      Thread.sleep(300);
    } finally {
      first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no closing of the store
      assertTrue(first.process.waitFor(60, TimeUnit.SECONDS));
    }

    // A crash in mid-write leaves a torn last line; the kill above seldom lands there, so add one as it would.
    Path journal = studio.resolve(FileJournal.DIR).resolve(x).resolve(FileJournal.FILE);
    long whole = Files.readAllLines(journal).stream().filter(l -> !l.isBlank()).count();
    Files.writeString(journal, "{\"entry\":\"act\",\"seq\":99999,\"at\":1,\"act\":\"ke", StandardOpenOption.APPEND);
    List<Entry> replayed = new FileJournal(studio).replay(x);
    assertEquals(whole, replayed.size(), "every whole line replays, the torn one is skipped");
    for (String t : kept) {
      assertTrue(replayed.stream().anyMatch(e -> e instanceof Act a && a.act().equals("keep")
          && t.equals(a.text("tile"))), "the keep of " + t + " is in the journal");
    }

    MarginsTest.Run check = RegistrationTest.check(studio);
    assertEquals(0, check.code, check.out + check.err);
    assertTrue(check.out.contains("integrity ok"), check.out);
    MarginsTest.Run again = RegistrationTest.check(studio, "--dry-run");
    assertTrue(again.code == 0 && again.out.contains("consistent"), again.out);
    try (Store store = Store.open(studio)) {
      assertEquals(replayed.stream().filter(e -> !(e instanceof Tile)).map(Entry::seq).toList(),
          StudioActs.of(store, x).stream().map(StudioAct::seq).toList(), "the store holds every journaled act");
    }

    Link second = start(studio, tmp.resolve("second.log"));
    try {
      JsonNode reopened = second.call("GET", "/api/explorations/" + x, null);
      for (String t : kept) {
        assertTrue(reopened.get("kept").toString().contains("\"" + t + "\""), t + " kept in " + reopened.get("kept"));
      }
      String edges = second.call("GET", "/api/explorations/" + x + "/lineage", null).get("edges").toString();
      for (String parent : kept.subList(0, 2)) {
        assertTrue(edges.contains("\"from\":\"" + x + "/" + parent + "\"") && edges.contains("\"to\":\"" + x + "/"
            + child + "\""), "the crossover " + child + " has " + parent + " as a parent: " + edges);
      }
    } finally {
      second.process.destroy();
      second.process.waitFor(60, TimeUnit.SECONDS);
    }
  }

  /** A running `margins studio` and its link. */
  private record Link(Process process, String base, String token, HttpClient http) {

    JsonNode call(String method, String path, String json) throws Exception {
      HttpResponse<String> r = http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), method + " " + path + ": " + r.body());
      return Json.MAPPER.readTree(r.body());
    }

    void send(String method, String path, String json) {
      http.sendAsync(request(method, path, json), HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest request(String method, String path, String json) {
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
          .header("X-Margins-Token", token).header("Content-Type", "application/json")
          .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json))
          .build();
    }
  }

  /** `margins studio` in a JVM of its own on the studio, once it prints its link. */
  private static Link start(Path studio, Path log) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path")));
    for (String prop : List.of("ai.djl.offline", "ai.djl.pytorch.num_interop_threads")) {
      if (System.getProperty(prop) != null) {
        cmd.add("-D" + prop + "=" + System.getProperty(prop));
      }
    }
    cmd.addAll(List.of(Margins.class.getName(), "studio", "--studio", studio.toString(), "--device", "cpu"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (System.nanoTime() < deadline) {
      String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      Matcher m = LINK.matcher(text);
      if (m.find()) {
        return new Link(p, m.group(1), m.group(2), HttpClient.newHttpClient());
      }
      if (!p.isAlive()) {
        throw new AssertionError("margins studio ended: " + text);
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new AssertionError("margins studio printed no link in 300 s: " + Files.readString(log));
  }
}
