package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import margins.Json;

/**
 * Many pages at once on loopback, each doing what an artist does (a grid, a keep, a reject, a parent, breeding every
 * third round), for a while; then every acknowledged act is looked for in the journal. Busy answers are counted and
 * retried, never lost. Used by a quick test in CI and by `margins bench studio` for the full minute.
 */
public final class Load {

  /**
   * What a load run found.
   *
   * @param clients pages at once
   * @param seconds how long they ran
   * @param requests requests answered
   * @param acts acts the server acknowledged
   * @param lost acknowledged acts missing from the journal afterwards
   * @param busy 'busy' answers (503)
   * @param errors other failures
   * @param peakHeapMb the most heap in use seen while it ran
   * @param heapAfterMb heap in use after, once collected
   * @param cached explorations held in memory after
   * @param gridMsP50 a grid's answer time, median
   * @param gridMsP95 ... 95th percentile
   */
  public record Result(int clients, double seconds, long requests, long acts, long lost, long busy, long errors,
      long peakHeapMb, long heapAfterMb, int cached, double gridMsP50, double gridMsP95) {}

  private final Server server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong busy = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final List<Long> gridMs = Collections.synchronizedList(new ArrayList<>());

  private Load(Server server) {
    this.server = server;
  }

  /** Runs the clients against a started server for the duration. */
  public static Result run(Server server, int clients, Duration duration) throws InterruptedException {
    Load load = new Load(server);
    Runtime rt = Runtime.getRuntime();
    AtomicLong peak = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(new Thread(() -> load.client(deadline), "margins-load-" + c));
    }
    long t0 = System.nanoTime();
    threads.forEach(Thread::start);
    while (threads.stream().anyMatch(Thread::isAlive)) {
      peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    List<Long> ms = new ArrayList<>(load.gridMs);
    Collections.sort(ms);
    return new Result(clients, seconds, load.requests.get(), load.acknowledged.size(), load.lost(), load.busy.get(),
        load.errors.get(), peak.get() >> 20, after >> 20, server.studio().cached(), pct(ms, 0.5), pct(ms, 0.95));
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
  }

  private void client(long deadline) {
    try {
      JsonNode x = call("POST", "/api/explorations", "");
      if (x == null) {
        return;
      }
      String id = x.get("id").asText();
      int round = 0;
      while (System.nanoTime() < deadline) {
        long t = System.nanoTime();
        JsonNode grid = call("POST", "/api/explorations/" + id + (round % 3 == 2 ? "/breed" : "/grid"), "{}");
        if (grid == null) {
          Thread.sleep(20 + (long) (Math.random() * 80));
          continue;
        }
        gridMs.add((System.nanoTime() - t) / 1_000_000);
        acknowledged.add(id + " grid " + grid.get("grid").asText());
        List<String> tiles = new ArrayList<>();
        grid.get("tiles").forEach(tile -> tiles.add(tile.get("id").asText()));
        act(id, tiles.get(0), "keep", "{}");
        act(id, tiles.get(1), "reject", "{}");
        act(id, tiles.get(2), "parent", "{\"on\":true}");
        round++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      errors.incrementAndGet();
    }
  }

  private void act(String x, String tile, String act, String body) throws InterruptedException {
    if (call("POST", "/api/explorations/" + x + "/tiles/" + tile + "/" + act, body) != null) {
      acknowledged.add(x + " " + act + " " + tile);
    }
  }

  /** The answer's JSON, or null when the server was busy. */
  private JsonNode call(String method, String path, String body) throws InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://" + Server.HOST + ":" + server.port() + path))
        .timeout(Duration.ofMinutes(2)).header("X-Margins-Token", server.token())
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      requests.incrementAndGet();
      if (res.statusCode() == 503) {
        busy.incrementAndGet();
        return null;
      }
      if (res.statusCode() != 200) {
        errors.incrementAndGet();
        return null;
      }
      return Json.MAPPER.readTree(res.body());
    } catch (IOException e) {
      errors.incrementAndGet();
      return null;
    }
  }

  /** Acknowledged acts the journal does not hold. */
  private long lost() {
    Set<String> found = new HashSet<>();
    Set<String> explorations = new HashSet<>();
    acknowledged.forEach(a -> explorations.add(a.substring(0, a.indexOf(' '))));
    for (String x : explorations) {
      for (Entry e : server.studio().journal().replay(x)) {
        if (e instanceof Act a) {
          found.add(x + " " + a.act() + " " + (a.act().equals("grid") ? a.text("grid") : a.text("tile")));
        }
      }
    }
    return acknowledged.stream().filter(a -> !found.contains(a)).count();
  }
}
