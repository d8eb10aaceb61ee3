package margins.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.util.Map;
import java.util.concurrent.CancellationException;
import margins.BadParameter;
import margins.Json;
import margins.MarginsException;

/**
 * The studio's web server: Javalin on 127.0.0.1 only, every request through the {@link Guard} (the page's own
 * files too), the page's files from a fixed table, the JSON routes ({@link Routes}) and the live walk's WebSocket
 * ({@link LiveWalk}). Failures answer JSON: {"error": ...} with 400, 404 or 413, {"busy": ...} with 503, and
 * {"cancelled": ...} with 409 for a job the artist cancelled.
 */
public final class Server implements AutoCloseable {

  /** The address it listens on, and nothing else. */
  public static final String HOST = "127.0.0.1";

  private final Javalin app;
  private final Guard guard;
  private final Studio studio;
  private final LiveWalk walks;

  private Server(Studio studio, Javalin app, Guard guard, LiveWalk walks) {
    this.studio = studio;
    this.app = app;
    this.guard = guard;
    this.walks = walks;
  }

  /** Starts on the port (0: any free one). */
  public static Server start(Studio studio, int port) {
    Guard guard = new Guard();
    Interruptions machine = new Interruptions(studio);
    LiveWalk walks = new LiveWalk(studio, machine);
    Javalin app = Javalin.create(c -> {
      c.showJavalinBanner = false;
      c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
      c.jetty.defaultHost = HOST;
      c.http.maxRequestSize = studio.options().maxUploadBytes() + (64 << 10);
      c.jetty.modifyWebSocketServletFactory(f -> {
        f.setMaxTextMessageSize(64 << 10);
        f.setMaxBinaryMessageSize(64 << 10);
      });
    });
    app.before(guard::check);
    app.wsBeforeUpgrade(guard::checkUpgrade);
    app.exception(Uploads.TooLarge.class, (e, ctx) -> ctx.status(413).json(Map.of("error", e.getMessage())));
    app.exception(BadParameter.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    app.exception(NotFound.class, (e, ctx) -> ctx.status(404).json(Map.of("error", e.getMessage())));
    app.exception(Busy.class, (e, ctx) -> ctx.status(503).header("Retry-After", "1")
        .json(Map.of("busy", e.getMessage())));
    app.exception(CancellationException.class, (e, ctx) -> ctx.status(409).json(Map.of("cancelled",
        "cancelled: nothing was made")));
    app.exception(MarginsException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    app.exception(JsonProcessingException.class, (e, ctx) -> ctx.status(400).json(Map.of("error",
        "the request is not valid JSON")));
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        ctx.json(Map.of("error", "nothing at " + ctx.path()));
      }
    });
    app.get("/", ctx -> ctx.contentType(Assets.FILES.get("index.html")).header("Cache-Control", "no-store")
        .result(Assets.get("index.html")));
    app.get("/{file}", ctx -> {
      byte[] b = Assets.get(ctx.pathParam("file"));
      if (b == null) {
        throw new NotFound("no file " + ctx.pathParam("file"));
      }
      ctx.contentType(Assets.FILES.get(ctx.pathParam("file"))).header("Cache-Control", "no-cache").result(b);
    });
    new Routes(studio, machine, walks).register(app);
    app.ws("/ws/walk/{exploration}", walks::configure);
    try {
      app.start(HOST, port);
    } catch (JavalinBindException e) {
      app.stop();
      throw new BadParameter("port " + port + " on " + HOST + " is in use: choose another with --port, or 0 for a"
          + " free one");
    }
    guard.port(app.port());
    return new Server(studio, app, guard, walks);
  }

  public int port() {
    return app.port();
  }

  /** The link that opens the studio, token included. */
  public String url() {
    return "http://" + HOST + ":" + port() + "/?token=" + guard.token();
  }

  public String token() {
    return guard.token();
  }

  public Studio studio() {
    return studio;
  }

  /** Frames sent and skipped by the live walks so far (for benchmarks and tests). */
  public LiveWalk walks() {
    return walks;
  }

  @Override
  public void close() {
    walks.close();
    app.stop();
  }
}
