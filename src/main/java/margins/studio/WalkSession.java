package margins.studio;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsContext;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import margins.Json;
import margins.walk.FrameRenderer;

/**
 * One page's live walk: a loop of latents played by a clock at the studio's frame rate. Each tick sends the frame
 * the clock has reached, as a binary message (walk number, frame, width, height, then RGBA), when fewer than
 * {@link #IN_FLIGHT} frames await the page's acknowledgement; a page that lags sees the clock jump, frames skipped,
 * never a queue. Frames are decoded ahead in small batches on the worker, when it has room.
 */
final class WalkSession {

  /** Frames sent and not yet acknowledged, at most. */
  static final int IN_FLIGHT = 2;

  /** Frames decoded together. */
  static final int BATCH = 8;

  private final WsContext ctx;
  private final Exploration x;
  private final Studio studio;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean rendering = new AtomicBoolean();
  private final Map<Integer, byte[]> frames = new ConcurrentHashMap<>();
  private volatile WalkPath path;
  private volatile int number;
  private volatile boolean playing;
  private volatile long origin;
  private volatile int base;
  private volatile int lastSent = -1;
  private volatile long attendedAt;
  volatile boolean minuteAsked;
  private long sent;
  private long skipped;

  WalkSession(WsContext ctx, Exploration x, Studio studio) {
    this.ctx = ctx;
    this.x = x;
    this.studio = studio;
    this.attendedAt = studio.now();
  }

  Exploration exploration() {
    return x;
  }

  WalkPath path() {
    return path;
  }

  boolean playing() {
    return playing && path != null;
  }

  long attendedAt() {
    return attendedAt;
  }

  /** The artist did something with the walk: its minute alone starts again. */
  void attend() {
    attendedAt = studio.now();
    minuteAsked = false;
  }

  synchronized long[] counts() {
    return new long[] {sent, skipped};
  }

  /** Plays a new path from its first frame. */
  void play(WalkPath p) {
    frames.clear();
    path = p;
    number++;
    base = 0;
    lastSent = -1;
    inFlight.set(0);
    origin = System.nanoTime();
    playing = true;
  }

  /** Freezes the clock on the frame it reached; returns it. */
  int pause() {
    int f = clockFrame();
    base = f;
    playing = false;
    return f;
  }

  void resume() {
    origin = System.nanoTime();
    playing = true;
  }

  void ack() {
    inFlight.updateAndGet(n -> Math.max(0, n - 1));
  }

  int clockFrame() {
    WalkPath p = path;
    if (p == null) {
      return 0;
    }
    if (!playing) {
      return base;
    }
    long elapsed = System.nanoTime() - origin;
    return (int) ((base + elapsed * studio.options().fps() / 1_000_000_000L) % p.frames());
  }

  /** One tick of the clock: send the frame it reached if the page has room and the frame is decoded. */
  void tick() {
    WalkPath p = path;
    if (p == null || !playing) {
      return;
    }
    int f = clockFrame();
    prefetch(p, f);
    if (f == lastSent || inFlight.get() >= IN_FLIGHT) {
      return;
    }
    byte[] rgba = frames.get(f);
    if (rgba == null) {
      return;
    }
    int r = studio.measurer().size();
    ByteBuffer b = ByteBuffer.allocate(12 + rgba.length);
    b.putInt(number).putInt(f).putShort((short) r).putShort((short) r).put(rgba).flip();
    synchronized (this) {
      if (!ctx.session.isOpen()) {
        return;
      }
      ctx.send(b);
      skipped += lastSent < 0 ? 0 : Math.floorMod(f - lastSent - 1, p.frames());
      sent++;
    }
    inFlight.incrementAndGet();
    lastSent = f;
    frames.keySet().removeIf(k -> Math.floorMod(k - f, p.frames()) > 2 * BATCH);
  }

  /** Asks the worker for the next batch the clock will need, when none is being decoded. */
  private void prefetch(WalkPath p, int f) {
    int first = -1;
    for (int k = 0; k < BATCH; k++) {
      int i = (f + k) % p.frames();
      if (!frames.containsKey(i)) {
        first = i;
        break;
      }
    }
    if (first < 0 || !rendering.compareAndSet(false, true)) {
      return;
    }
    int start = first;
    int walkNumber = number;
    boolean queued = studio.worker().offer(() -> {
      try {
        int n = Math.min(BATCH, p.frames() - start);
        float[][] z = new float[n][];
        for (int k = 0; k < n; k++) {
          z[k] = p.latents()[start + k];
        }
        List<BufferedImage> images = FrameRenderer.render(studio.model().vae(), z,
            java.util.Collections.nCopies(n, p.operations()), n);
        if (walkNumber == number) {
          for (int k = 0; k < n; k++) {
            frames.put(start + k, rgba(images.get(k)));
          }
        }
      } finally {
        rendering.set(false);
      }
    });
    if (!queued) {
      rendering.set(false);
    }
  }

  /** Sends a JSON text message. */
  synchronized void send(Object message) {
    if (ctx.session.isOpen()) {
      ctx.send(Json.line(message));
    }
  }

  static byte[] rgba(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] px = img.getRGB(0, 0, w, h, null, 0, w);
    byte[] out = new byte[4 * px.length];
    for (int i = 0; i < px.length; i++) {
      out[4 * i] = (byte) (px[i] >> 16);
      out[4 * i + 1] = (byte) (px[i] >> 8);
      out[4 * i + 2] = (byte) px[i];
      out[4 * i + 3] = (byte) 255;
    }
    return out;
  }

  /** A text message from the page, parsed. */
  static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}
