package margins.studio;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the studio: requests whose Host is the studio's own loopback address (a page on another site
 * that rebinds its DNS name to 127.0.0.1 sends its own name, and is refused), carrying the launch's token, in the
 * link's query (which sets an HttpOnly, SameSite=Strict cookie so the page's images and scripts are authorised too),
 * in that cookie, or in an X-Margins-Token header; writes and WebSocket upgrades must also come from the studio's
 * own origin.
 */
final class Guard {

  private final String token = HexFormat.of().formatHex(random());
  private Set<String> hosts = Set.of();
  private Set<String> origins = Set.of();
  private String cookie = "margins-studio";

  private static byte[] random() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return b;
  }

  /** Once the port is known: the allowed Host values and origins. */
  void port(int port) {
    hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
    cookie = "margins-studio-" + port;
  }

  String token() {
    return token;
  }

  /** Before every request, static files included. */
  void check(Context ctx) {
    checkHost(ctx.header("Host"));
    String query = ctx.queryParam("token");
    if (same(query)) {
      ctx.cookie(new Cookie(cookie, token, "/", -1, false, 0, true, null, null, SameSite.STRICT));
    } else if (!same(ctx.cookie(cookie)) && !same(ctx.header("X-Margins-Token"))) {
      throw new UnauthorizedResponse("this studio opens with the link 'margins studio' printed when it started"
          + " (the link carries its token)");
    }
    if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
      String origin = ctx.header("Origin");
      if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
        throw new ForbiddenResponse("requests from " + origin + " are refused");
      }
    }
  }

  /** Before a WebSocket upgrade: the Host, an Origin that is the studio's own, and the token. */
  void checkUpgrade(Context ctx) {
    checkHost(ctx.header("Host"));
    String origin = ctx.header("Origin");
    if (origin == null || !origins.contains(origin.toLowerCase(Locale.ROOT))) {
      throw new ForbiddenResponse("WebSocket connections from " + origin + " are refused");
    }
    if (!same(ctx.cookie(cookie)) && !same(ctx.queryParam("token"))) {
      throw new UnauthorizedResponse("no token");
    }
  }

  private void checkHost(String host) {
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      throw new ForbiddenResponse("the studio answers only to 127.0.0.1 and localhost, not to Host " + host);
    }
  }

  /** Constant-time comparison with the token. */
  private boolean same(String candidate) {
    return candidate != null && MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }
}
