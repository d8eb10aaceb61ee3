package margins.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import margins.archive.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may reach the studio, and what the page's requests can never reach. */
class SecurityTest {

  static StudioFixture f;
  static String x;

  @BeforeAll
  static void start() {
    f = new StudioFixture(Voice.NORMAL, 1);
    x = f.ok("POST", "/api/explorations", "").get("id").asText();
    f.ok("POST", "/api/explorations/" + x + "/grid", "{}");
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  /** A raw HTTP/1.1 exchange, so the Host header is whatever the test says; the status line and the rest. */
  static String raw(String path, String host, String extra) throws IOException {
    try (Socket s = new Socket("127.0.0.1", f.server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extra + "Connection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  String host() {
    return "127.0.0.1:" + f.server.port();
  }

  String token() {
    return "X-Margins-Token: " + f.server.token() + "\r\n";
  }

  @Test
  void itListensOnLoopbackOnly() throws IOException {
    InetAddress outside = null;
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          outside = a;
        }
      }
    }
    assertTrue(f.server.url().startsWith("http://127.0.0.1:"));
    if (outside != null) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(outside, f.server.port()), 2000);
        throw new AssertionError("the studio answered on " + outside);
      } catch (IOException refused) {
        // As it should: nothing listens there.
      }
    }
  }

  @Test
  void withoutTheTokenNothingIsServedNotEvenThePagesFiles() throws IOException {
    for (String path : List.of("/", "/studio.js", "/studio.css", "/api/studio", "/api/explorations/" + x)) {
      assertEquals(401, status(raw(path, host(), "")), path);
    }
    assertEquals(401, status(raw("/api/studio", host(), "X-Margins-Token: wrong\r\n")));
  }

  @Test
  void theLinkSetsACookieThatAuthorisesTheRestOfThePage() throws IOException {
    String page = raw("/?token=" + f.server.token(), host(), "");
    assertEquals(200, status(page));
    String cookie = page.lines().filter(l -> l.toLowerCase().startsWith("set-cookie:")).findFirst().orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
    String pair = cookie.substring(cookie.indexOf(':') + 1).split(";")[0].trim();
    assertEquals(200, status(raw("/studio.js", host(), "Cookie: " + pair + "\r\n")));
    assertEquals(200, status(raw("/api/studio", host(), "Cookie: " + pair + "\r\n")));
  }

  @Test
  void aForeignHostIsRefusedEvenWithTheToken() throws IOException {
    // DNS rebinding: a page from evil.example whose name now resolves to 127.0.0.1 sends its own Host.
    assertEquals(403, status(raw("/?token=" + f.server.token(), "evil.example:" + f.server.port(), "")));
    assertEquals(403, status(raw("/api/studio", "evil.example", token())));
    assertEquals(200, status(raw("/api/studio", "localhost:" + f.server.port(), token())));
  }

  @Test
  void writesFromAnotherOriginAreRefused() {
    HttpRequest r = HttpRequest.newBuilder(URI.create(f.base() + "/api/explorations")).header("X-Margins-Token",
        f.server.token()).header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build();
    assertEquals(403, send(r).statusCode());
  }

  @Test
  void noPathFromThePageReachesTheFileSystem() throws IOException {
    List<String> paths = List.of("/../pom.xml", "/..%2f..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/index.html%00.js",
        "/api/explorations/..%2f..%2f/tiles/t0/image", "/api/explorations/" + x + "/tiles/..%2fjournal.jsonl/image",
        "/api/explorations/" + x + "/tiles/t0%2f..%2f..%2fjournal.jsonl/image",
        "/api/explorations/" + x + "/tiles/t99999/image", "/api/explorations/20261202-000000-0000/tiles/t0/image",
        "/api/archive/-1", "/api/archive/..%2f..%2fpom.xml", "/api/archive/99999", "/studio/../../pom.xml",
        "/WEB-INF/web.xml", "/api/explorations/" + x + "/journal.jsonl");
    for (String p : paths) {
      String res = raw(p, host(), token());
      int s = status(res);
      assertTrue(s == 400 || s == 404, p + " answered " + s);
      assertFalse(res.contains("<artifactId>") || res.contains("root:x:") || res.contains("\"entry\""), p);
    }
  }

  @Test
  void uploadsAreLimitedInBytesAndInPixels() {
    byte[] big = new byte[(2 << 20) + 10];
    HttpResponse<String> r = send(upload("big.png", big));
    assertEquals(413, r.statusCode(), r.body());
    assertTrue(r.body().contains("up to 2 MB"), r.body());
    HttpResponse<String> bomb = send(upload("bomb.png", TestImages.pngHeaderClaiming(20_000, 20_000)));
    assertEquals(413, bomb.statusCode(), bomb.body());
    assertTrue(bomb.body().contains("claims 20000x20000 pixels; the studio takes images up to 4 million pixels"),
        bomb.body());
  }

  @Test
  void aFullQueueAnswersBusyRatherThanGrowing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> send(HttpRequest.newBuilder(URI.create(f.base() + "/api/explorations/" + x
          + "/grid")).header("X-Margins-Token", f.server.token()).POST(HttpRequest.BodyPublishers.ofString("{}"))
          .build())));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<HttpResponse<String>> a : answers) {
      HttpResponse<String> r = a.get();
      statuses.add(r.statusCode());
      if (r.statusCode() == 503) {
        assertTrue(r.body().contains("\"busy\""), r.body());
      }
    }
    pool.shutdown();
    assertTrue(statuses.contains(503), "a queue of one with eight grids asked at once says busy: " + statuses);
    assertTrue(statuses.contains(200), statuses.toString());
    assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), statuses.toString());
  }

  private HttpRequest upload(String name, byte[] bytes) {
    return HttpRequest.newBuilder(URI.create(f.base() + "/api/explorations/" + x + "/upload?name=" + name))
        .header("X-Margins-Token", f.server.token()).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
  }

  private static HttpResponse<String> send(HttpRequest r) {
    try {
      return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
