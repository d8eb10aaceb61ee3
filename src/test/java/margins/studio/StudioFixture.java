package margins.studio;

import ai.djl.Device;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import margins.Json;
import margins.cli.SharedStudio;

/**
 * A studio server for tests: a private copy of the shared tiny studio (explorations are written into it), a clock
 * the test moves by hand, and a real server on 127.0.0.1, port 0. Helpers call its JSON routes with the token.
 */
final class StudioFixture implements AutoCloseable {

  final Path studioDir;
  final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
  final Studio studio;
  final Server server;
  private final HttpClient http = HttpClient.newHttpClient();

  StudioFixture(Voice voice, int queue) {
    this(voice, queue, copy());
  }

  /** A studio on a folder already made (a second launch on the same studio, say). */
  StudioFixture(Voice voice, int queue, Path studioDir) {
    this.studioDir = studioDir;
    Studio.Options o = Studio.Options.of(studioDir, Device.cpu(), "margins test").withVoice(voice)
        .withClock(clock::get).withLimits(queue, 2L << 20, 4_000_000L);
    studio = Studio.open(o);
    server = Server.start(studio, 0);
  }

  StudioFixture() {
    this(Voice.NORMAL, 16);
  }

  /**
   * A private copy of the shared tiny studio, deleted when the JVM exits; with -Dmargins.studio=DIR a copy of that
   * studio's archive and runs instead (how the README's screenshots are made on the demo's model).
   */
  static Path copy() {
    try {
      Path dir = Files.createTempDirectory("margins-studio-test-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
      String other = System.getProperty("margins.studio");
      if (other == null || other.isBlank()) {
        return SharedStudio.copy(dir);
      }
      Path to = dir.resolve("studio");
      for (String part : new String[] {"archive", "runs"}) {
        copyTree(Path.of(other).resolve(part), to.resolve(part));
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
  }

  private static void delete(Path dir) {
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort at exit: the folder is under the system's temp folder.
    }
  }

  /** Moves the studio's clock on. */
  void advance(Duration d) {
    clock.addAndGet(d.toMillis());
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A JSON route called with the token; the status and the body. */
  Response call(String method, String path, String json) {
    HttpRequest r = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofMinutes(2))
        .header("X-Margins-Token", server.token()).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
    try {
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      return new Response(res.statusCode(), res.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON route that must answer 200; its body parsed. */
  com.fasterxml.jackson.databind.JsonNode ok(String method, String path, String json) {
    Response r = call(method, path, json);
    if (r.status() != 200) {
      throw new AssertionError(method + " " + path + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  record Response(int status, String body) {
    com.fasterxml.jackson.databind.JsonNode json() {
      return Json.parse(body, com.fasterxml.jackson.databind.JsonNode.class);
    }
  }

  @Override
  public void close() {
    server.close();
    studio.close();
  }
}
