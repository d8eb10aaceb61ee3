package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import margins.BadParameter;
import margins.Json;
import margins.bend.BendOps;

/**
 * The JSON routes under /api. Every id in a path is checked against its form and looked up in the exploration's
 * own record before use; files are only ever found through those records. Acts answer once they are durable.
 */
final class Routes {

  private final Studio studio;
  private final Interruptions machine;
  private final Proposals proposals;
  private final LiveWalk walks;

  Routes(Studio studio, Interruptions machine, LiveWalk walks) {
    this.studio = studio;
    this.machine = machine;
    this.proposals = new Proposals(studio, machine);
    this.walks = walks;
  }

  void register(Javalin app) {
    app.get("/api/studio", ctx -> ctx.json(studioView()));
    app.get("/api/explorations", ctx -> ctx.json(studio.journal().explorations()));
    app.post("/api/explorations", ctx -> ctx.json(view(studio.begin())));
    app.get("/api/explorations/{x}", ctx -> ctx.json(view(x(ctx))));
    app.post("/api/explorations/{x}/grid", ctx -> ctx.json(proposals.propose(x(ctx), job(ctx))));
    app.post("/api/explorations/{x}/breed", ctx -> {
      JsonNode b = body(ctx);
      List<String> parents = new ArrayList<>();
      b.path("parents").forEach(p -> parents.add(p.asText()));
      Long seed = b.hasNonNull("seed") ? b.get("seed").asLong() : null;
      ctx.json(proposals.breed(x(ctx), job(ctx), parents, mutation(b, x(ctx)), seed));
    });
    app.post("/api/explorations/{x}/branch", ctx -> {
      JsonNode b = body(ctx);
      ctx.json(proposals.branch(x(ctx), job(ctx), b.path("from").asText(""), mutation(b, x(ctx))));
    });
    app.post("/api/explorations/{x}/tiles/{t}/{act}", this::tileAct);
    app.get("/api/explorations/{x}/tiles/{t}", ctx -> ctx.json(Inspector.of(studio, x(ctx), tile(ctx))));
    app.get("/api/explorations/{x}/tiles/{t}/image", ctx -> {
      Exploration x = x(ctx);
      Tile t = tile(ctx);
      if (ctx.queryParam("download") != null) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + x.id() + "-" + t.id() + ".png\"");
      }
      ctx.contentType("image/png").header("Cache-Control", "private, max-age=31536000, immutable")
          .result(java.nio.file.Files.readAllBytes(studio.folder(x.id()).resolve(t.file())));
    });
    app.post("/api/explorations/{x}/upload", ctx -> {
      Exploration x = x(ctx);
      long max = studio.options().maxUploadBytes();
      if (ctx.contentLength() > max) {
        throw new Uploads.TooLarge("the file is " + ctx.contentLength() / 1048576 + " MB; the studio takes files up to "
            + max / 1048576 + " MB");
      }
      String name = ctx.queryParam("name");
      Uploads.Saved saved = Uploads.save(studio, x.id(), name, ctx.bodyAsBytes());
      record(x, "drop", Act.HUMAN, Map.of("name", saved.name(), "sha256", saved.sha256(), "width", saved.width(),
          "height", saved.height()));
      ctx.json(proposals.vary(x, job(ctx), saved));
    });
    app.post("/api/explorations/{x}/ask", ctx -> ctx.json(machine.ask(x(ctx), job(ctx))));
    app.post("/api/explorations/{x}/offers/{o}", ctx ->
        ctx.json(machine.answer(x(ctx), ctx.pathParam("o"), body(ctx).path("answer").asText(""))));
    app.post("/api/explorations/{x}/settings", ctx -> ctx.json(settings(x(ctx), body(ctx))));
    app.post("/api/explorations/{x}/rates/reset", ctx -> {
      Exploration x = x(ctx);
      record(x, "reset-rates", Act.HUMAN, Map.of());
      ctx.json(x.machine().rates().view());
    });
    app.get("/api/explorations/{x}/lineage", ctx -> ctx.json(LineageGraph.of(studio, x(ctx))));
    app.post("/api/jobs/{job}/cancel", ctx -> {
      String job = Ids.check(Ids.JOB, ctx.pathParam("job"), "a job id");
      ctx.json(Map.of("job", job, "cancelled", studio.worker().cancel(job)));
    });
    app.get("/api/jobs", ctx -> ctx.json(Map.of("pending", studio.worker().pending(),
        "capacity", studio.worker().capacity())));
    app.get("/api/archive/{n}", ctx -> {
      int n;
      try {
        n = Integer.parseInt(ctx.pathParam("n"));
      } catch (NumberFormatException e) {
        throw new NotFound("no archive image " + ctx.pathParam("n"));
      }
      ctx.contentType("image/png").result(studio.archivePng(n));
    });
  }

  private void tileAct(Context ctx) throws IOException {
    Exploration x = x(ctx);
    Tile t = tile(ctx);
    String act = ctx.pathParam("act");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tile", t.view());
    switch (act) {
      case "keep", "reject", "open" -> {
        record(x, act, Act.HUMAN, Map.of("tile", t.id()));
        if (act.equals("keep")) {
          out.put("interruption", machine.atBreakpoint(x, false));
        }
      }
      case "parent" -> record(x, "parent", Act.HUMAN, Map.of("tile", t.id(), "on", body(ctx).path("on").asBoolean(true)));
      case "preview" -> {
        Edits e = edits(body(ctx));
        ctx.contentType("image/png").header("Cache-Control", "no-store")
            .result(studio.worker().run(job(ctx), () -> Previews.png(studio, t, e)));
        return;
      }
      case "derive" -> {
        JsonNode b = body(ctx);
        Edits e = edits(b);
        out.put("tile", studio.worker().run(job(ctx), () -> Previews.derive(studio, x, t, e)).view());
      }
      default -> throw new NotFound("no tile action '" + act + "'; actions: keep, reject, parent, open, preview, derive");
    }
    out.put("parents", x.parents());
    out.put("kept", x.kept());
    ctx.json(out);
  }

  private Map<String, Object> settings(Exploration x, JsonNode b) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (b.has("dial")) {
      s.put("dial", Dial.byId(b.get("dial").asText()).id());
      s.put("sampler", "");
    }
    if (b.has("voice")) {
      s.put("voice", Voice.parse(b.get("voice").asText()).id());
    }
    if (b.has("mutation")) {
      s.put("mutation", mutation(b, x));
    }
    if (s.isEmpty()) {
      throw new BadParameter("settings are dial, voice and mutation");
    }
    record(x, "settings", Act.HUMAN, s);
    return view(x);
  }

  private static double mutation(JsonNode b, Exploration x) {
    double m = b.has("mutation") ? b.get("mutation").asDouble(Double.NaN) : ((Number) x.setting("mutation")).doubleValue();
    if (!(m >= 0 && m <= Breeding.MAX_MUTATION)) {
      throw new BadParameter("mutation must be in [0, " + Breeding.MAX_MUTATION + "]");
    }
    return m;
  }

  static Edits edits(JsonNode b) {
    Double[] genes = null;
    if (b.path("genes").isArray()) {
      genes = new Double[b.get("genes").size()];
      for (int i = 0; i < genes.length; i++) {
        JsonNode g = b.get("genes").get(i);
        genes[i] = g.isNumber() ? g.asDouble() : null;
      }
    }
    JsonNode bn = b.path("bend");
    Edits.BendEdit bend = bn.isObject() ? new Edits.BendEdit(bn.path("layer").asText(""), bn.path("op").asText(""),
        bn.path("channels").asText("all"), bn.path("strength").asDouble(0.5)) : null;
    JsonNode nn = b.path("noise");
    Edits.NoiseEdit noise = nn.isObject() && nn.path("strength").asDouble(0) > 0
        ? new Edits.NoiseEdit(nn.path("layer").asText(""), nn.path("strength").asDouble()) : null;
    return new Edits(genes, bend, noise);
  }

  private void record(Exploration x, String act, String actor, Map<String, Object> data) {
    long at = studio.now();
    x.record(studio.journal(), seq -> new Act(seq, at, act, actor, data));
  }

  private Exploration x(Context ctx) {
    return studio.exploration(ctx.pathParam("x"));
  }

  private Tile tile(Context ctx) {
    Exploration x = x(ctx);
    String id = Ids.check(Ids.TILE, ctx.pathParam("t"), "a tile id");
    return x.tile(id).orElseThrow(() -> new NotFound("no tile " + id + " in exploration " + x.id()));
  }

  private static String job(Context ctx) {
    String j = ctx.queryParam("job");
    return j == null ? null : Ids.check(Ids.JOB, j, "a job id");
  }

  private static JsonNode body(Context ctx) throws IOException {
    String text = ctx.body();
    if (text.isBlank()) {
      return Json.MAPPER.createObjectNode();
    }
    JsonNode n = Json.MAPPER.readTree(text);
    if (!n.isObject()) {
      throw new BadParameter("the request's body must be a JSON object");
    }
    return n;
  }

  private Map<String, Object> view(Exploration x) {
    Map<String, Object> v = x.view();
    v.put("offer", x.machine().pending().map(o -> Interruptions.view(x, o)).orElse(null));
    v.put("walking", walks.active(x.id()));
    return v;
  }

  private Map<String, Object> studioView() {
    var m = studio.model();
    var cfg = m.vae().config();
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("model", Map.of("id", m.id(), "run", m.run(), "step", m.step(), "resolution", cfg.resolution(),
        "latent", cfg.latent(), "device", m.device(), "checkpoint", m.relativePath()));
    v.put("archive", Map.of("count", studio.context().archive().count(), "train", studio.measurer().trainIndices().length,
        "size", studio.measurer().size(), "studio", studio.options().studio().toString()));
    v.put("dial", Dial.STOPS);
    v.put("voices", java.util.Arrays.stream(Voice.values()).map(Voice::id).toList());
    v.put("voice", studio.options().voice().id());
    v.put("genes", Map.of("count", studio.genes().count(), "sigmas", studio.genes().sigmas()));
    v.put("layers", m.vae().stageNames());
    Map<String, Object> ops = new LinkedHashMap<>();
    BendOps.PARAMS.forEach((k, p) -> ops.put(k, Edits.STRENGTH.containsKey(k)));
    v.put("bendOps", ops);
    v.put("limits", Map.of("bytes", studio.options().maxUploadBytes(), "pixels", studio.options().maxUploadPixels(),
        "queue", studio.worker().capacity()));
    v.put("fps", studio.options().fps());
    v.put("baseline", studio.baseline());
    return v;
  }
}
