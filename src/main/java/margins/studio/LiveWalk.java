package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import margins.BadParameter;
import margins.math.VectorMath;
import margins.recipe.Draw;

/**
 * The live walks, one per WebSocket (/ws/walk/&lt;exploration&gt;): the page sends {"start": {"tile", "mode"}},
 * {"ack": frame}, {"pause": true}, {"resume": true}, {"grab": frame}, {"branch": frame} and {"attend": true}; the
 * server answers in JSON text and streams frames as binary messages (see {@link WalkSession}). A walk that plays a
 * minute without the artist gets the machine's marks on its timeline.
 */
public final class LiveWalk implements AutoCloseable {

  /** Ticks per frame of the clock: frames leave within half a frame of their time. */
  static final int TICKS_PER_FRAME = 4;

  /** Frames measured along the loop when the machine looks for marks. */
  static final int MARK_CANDIDATES = 24;

  private final Studio studio;
  private final Interruptions machine;
  private final Map<String, WalkSession> sessions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, daemon("margins-walk-clock"));
  private final ExecutorService replies = Executors.newFixedThreadPool(2, daemon("margins-walk-replies"));

  LiveWalk(Studio studio, Interruptions machine) {
    this.studio = studio;
    this.machine = machine;
    long period = 1_000_000_000L / studio.options().fps() / TICKS_PER_FRAME;
    clock.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
  }

  void configure(WsConfig ws) {
    ws.onConnect(ctx -> {
      Exploration x = studio.exploration(ctx.pathParam("exploration"));
      sessions.put(ctx.sessionId(), new WalkSession(ctx, x, studio));
    });
    ws.onMessage(ctx -> {
      WalkSession s = sessions.get(ctx.sessionId());
      JsonNode m = WalkSession.parse(ctx.message());
      if (s == null) {
        return;
      }
      if (m.has("ack")) {
        s.ack();
        return;
      }
      s.attend();
      // Replies that need the worker run off the socket's thread, so acknowledgements keep flowing.
      replies.execute(() -> {
        try {
          reply(s, m);
        } catch (RuntimeException e) {
          s.send(Map.of("error", e.getMessage() == null ? e.toString() : e.getMessage()));
        }
      });
    });
    ws.onClose(ctx -> sessions.remove(ctx.sessionId()));
    ws.onError(ctx -> sessions.remove(ctx.sessionId()));
  }

  private void reply(WalkSession s, JsonNode m) {
    Exploration x = s.exploration();
    if (m.has("start")) {
      JsonNode st = m.get("start");
      Tile from = tile(x, st.path("tile").asText(""));
      start(s, from, st.path("mode").asText("loop"), st.hasNonNull("seed") ? st.get("seed").asLong() : x.seeds(1));
    } else if (m.has("pause") && s.path() != null) {
      int f = s.pause();
      record(x, "pause", Map.of("walk", s.path().id(), "frame", f));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("paused", f);
      out.put("interruption", machine.atBreakpoint(x, false));
      s.send(out);
    } else if (m.has("resume") && s.path() != null) {
      s.resume();
      record(x, "resume", Map.of("walk", s.path().id()));
      s.send(Map.of("resumed", s.clockFrame()));
    } else if ((m.has("grab") || m.has("branch")) && s.path() != null) {
      boolean branch = m.has("branch");
      Tile t = grab(s, (branch ? m.get("branch") : m.get("grab")).asInt(-1));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("grabbed", t.view());
      s.send(out);
      if (branch) {
        record(x, "branch", Map.of("walk", s.path().id(), "tile", t.id()));
        start(s, t, "drift", x.seeds(1));
      }
    }
  }

  private void start(WalkSession s, Tile from, String mode, long seed) {
    Exploration x = s.exploration();
    String id = x.next('w');
    List<Tile> kept = x.kept().stream().map(k -> x.tile(k).orElse(null)).filter(t -> t != null).toList();
    WalkPath p = WalkPath.of(id, mode, from, kept, seed);
    record(x, "walk", Map.of("walk", id, "mode", mode, "tile", from.id(), "seed", seed, "frames", p.frames()));
    s.play(p);
    s.send(Map.of("walk", Map.of("id", id, "mode", mode, "frames", p.frames(), "fps", studio.options().fps(),
        "from", from.id())));
  }

  /** The frame made a tile of the exploration: decoded alone, measured, written with its recipe, recorded. */
  private Tile grab(WalkSession s, int frame) {
    WalkPath p = s.path();
    if (frame < 0 || frame >= p.frames()) {
      throw new BadParameter("the walk has frames 0-" + (p.frames() - 1) + ", not " + frame);
    }
    Exploration x = s.exploration();
    Map<String, Object> params = Map.of("walk", p.id(), "mode", p.mode(), "frame", frame, "walkSeed", p.seed());
    Draw d = new Draw(p.seed() * 10_000 + frame, p.latents()[frame], p.operations(), params, List.of());
    Tile t = studio.worker().run(null, () -> studio.maker().write(x, studio.maker().make(List.of(d)).get(0),
        new Maker.Spec(p.id(), "walk-grab", Act.HUMAN, List.of(p.from()), "walk-grab", null)));
    record(x, "grab", Map.of("walk", p.id(), "frame", frame, "tile", t.id()));
    return t;
  }

  private void tick() {
    for (WalkSession s : sessions.values()) {
      try {
        s.tick();
        if (s.playing() && !s.minuteAsked) {
          Optional<Machine.Fired> f = s.exploration().machine().walkUnattended(s.attendedAt(), studio.now());
          if (f.isPresent()) {
            s.minuteAsked = true;
            replies.execute(() -> marks(s, f.get()));
          }
        }
      } catch (RuntimeException e) {
        // A closed socket or a failed decode: the session's next tick tries again.
      }
    }
  }

  /** Marks on the walk's timeline: of frames along the loop, the 3 farthest from everything shown, not noise. */
  private void marks(WalkSession s, Machine.Fired f) {
    WalkPath p = s.path();
    Exploration x = s.exploration();
    try {
      List<Integer> marks = studio.worker().run(null, () -> {
        List<Draw> draws = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < MARK_CANDIDATES; k++) {
          int i = k * p.frames() / MARK_CANDIDATES;
          at.add(i);
          draws.add(new Draw(i, p.latents()[i], p.operations(), Map.of(), List.of()));
        }
        List<Maker.Made> made = studio.maker().make(draws);
        List<float[]> shown = new ArrayList<>(List.of(studio.maker().features(x,
            x.tiles().stream().map(Tile::id).toList())));
        List<Integer> out = new ArrayList<>();
        while (out.size() < 3) {
          int best = -1;
          double bestD = -1;
          for (int k = 0; k < made.size(); k++) {
            if (out.contains(at.get(k)) || "noise".equals(made.get(k).kind())) {
              continue;
            }
            double d = VectorMath.nearestSquaredDistance(made.get(k).feature(), shown);
            if (d > bestD) {
              bestD = d;
              best = k;
            }
          }
          if (best < 0) {
            break;
          }
          out.add(at.get(best));
          shown.add(made.get(best).feature());
        }
        return out;
      });
      if (!marks.isEmpty() && x.machine().pending().isEmpty()) {
        s.send(Map.of("interruption", machine.marks(x, f, p.id(), marks)));
      }
    } catch (Busy b) {
      s.minuteAsked = false;
    }
  }

  private Tile tile(Exploration x, String id) {
    Ids.check(Ids.TILE, id, "a tile id");
    return x.tile(id).orElseThrow(() -> new NotFound("no tile " + id + " in " + x.id()));
  }

  private void record(Exploration x, String act, Map<String, Object> data) {
    long at = studio.now();
    x.record(studio.journal(), seq -> new Act(seq, at, act, Act.HUMAN, data));
  }

  /** Whether a page is walking in this exploration. */
  boolean active(String exploration) {
    return sessions.values().stream().anyMatch(s -> s.exploration().id().equals(exploration) && s.playing());
  }

  /** Frames sent and skipped, over every walk so far still open. */
  public long[] counts() {
    long[] c = new long[2];
    for (WalkSession s : sessions.values()) {
      long[] k = s.counts();
      c[0] += k[0];
      c[1] += k[1];
    }
    return c;
  }

  @Override
  public void close() {
    clock.shutdownNow();
    replies.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
