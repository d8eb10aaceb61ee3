package margins.walk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import margins.BadParameter;
import margins.Json;

/** The walks by id, and their JSON recipes. */
public final class Walks {

  /** Walk record types by id; the id is also the {@code "walk"} field of a walk's JSON. */
  public static final Map<String, Class<? extends Walk>> TABLE;

  static {
    Map<String, Class<? extends Walk>> t = new LinkedHashMap<>();
    t.put("lerp", Lerp.class);
    t.put("slerp", Slerp.class);
    t.put("keyframes", Keyframes.class);
    t.put("noise-loop", NoiseLoop.class);
    t.put("random-walk", RandomWalk.class);
    TABLE = Collections.unmodifiableMap(t);
  }

  private Walks() {}

  /** The walk's recipe: one JSON line with its id in {@code "walk"}. */
  public static String json(Walk walk) {
    return Json.line(walk);
  }

  /**
   * Reads a recipe back; a bad one fails naming the known ids or the bad value.
   *
   * @throws IllegalArgumentException when the JSON is not a valid walk
   */
  public static Walk parse(String json) {
    try {
      return Json.MAPPER.readValue(json, Walk.class);
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new BadParameter(cause.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new BadParameter(
          "not a walk recipe (walk must be one of " + String.join(", ", TABLE.keySet()) + "): " + e.getMessage(), e);
    }
  }
}
