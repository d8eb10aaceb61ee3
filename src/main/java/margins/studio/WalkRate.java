package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import margins.Json;
import margins.MarginsException;

/**
 * The live walk's frame rate as a page receives it: a new exploration, its first grid's first tile walked in a loop
 * over a real WebSocket on loopback, every frame acknowledged as the page does; frames received per second at the
 * walk's clock ({@link Studio.Options#fps}), counted once ten have come. Used by `margins bench studio`.
 */
public final class WalkRate {

  /**
   * What a measurement found.
   *
   * @param fps frames received per second
   * @param clock the walk's clock, frames per second
   * @param frames frames received while counting
   * @param seconds how long it counted
   */
  public record Result(double fps, int clock, long frames, double seconds) {}

  /** Frames let through before counting (the walk's first frames wait for the model). */
  static final int WARM_UP = 10;

  private WalkRate() {}

  /** Walks for the duration on a started server and counts the frames a page receives. */
  public static Result measure(Server server, Duration over) throws InterruptedException {
    String base = "http://" + Server.HOST + ":" + server.port();
    HttpClient http = HttpClient.newHttpClient();
    String x = post(http, server, base + "/api/explorations").get("id").asText();
    String tile = post(http, server, base + "/api/explorations/" + x + "/grid").get("tiles").get(0).get("id").asText();
    Page page = new Page();
    WebSocket ws = http.newWebSocketBuilder().header("Origin", base)
        .buildAsync(URI.create("ws://" + Server.HOST + ":" + server.port() + "/ws/walk/" + x + "?token="
            + server.token()), page).join();
    try {
      ws.sendText("{\"start\":{\"tile\":\"" + tile + "\",\"mode\":\"loop\"}}", true).join();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (page.frames.get() < WARM_UP) {
        if (System.nanoTime() > deadline) {
          throw new MarginsException("the live walk sent " + page.frames.get() + " frames in 120 s");
        }
        Thread.sleep(10);
      }
      int from = page.frames.get();
      long t0 = System.nanoTime();
      Thread.sleep(over.toMillis());
      long frames = page.frames.get() - from;
      double seconds = (System.nanoTime() - t0) / 1e9;
      return new Result(frames / seconds, server.studio().options().fps(), frames, seconds);
    } finally {
      ws.abort();
    }
  }

  private static JsonNode post(HttpClient http, Server server, String url) throws InterruptedException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
        .header("X-Margins-Token", server.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    try {
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new MarginsException(url + " answered " + res.statusCode() + ": " + res.body());
      }
      return Json.MAPPER.readTree(res.body());
    } catch (IOException e) {
      throw new MarginsException("the studio did not answer " + url + ": " + e.getMessage(), e);
    }
  }

  /** A page's socket: counts whole frames and acknowledges each, as the studio's page does. */
  private static final class Page implements WebSocket.Listener {
    final AtomicInteger frames = new AtomicInteger();
    private final ByteBuffer partial = ByteBuffer.allocate(1 << 22);

    @Override
    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
      partial.put(data);
      if (last) {
        partial.flip();
        partial.getInt();
        int frame = partial.getInt();
        partial.clear();
        frames.incrementAndGet();
        w.sendText("{\"ack\":" + frame + "}", true);
      }
      w.request(1);
      return null;
    }
  }
}
