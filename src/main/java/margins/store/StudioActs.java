package margins.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import margins.Json;

/**
 * The studio's acts in the store (table acts): the journals under studio/explorations/ are their truth, written
 * first; the studio copies each entry here as it journals it, and a rebuild or a check copies back what a crash or
 * a failed write left out of the store. Reads the journals as JSON lines, a torn last line skipped.
 */
public final class StudioActs {

  /** The folder of explorations under the studio, and each one's journal. */
  public static final String DIR = "explorations";

  public static final String FILE = "journal.jsonl";

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private StudioActs() {}

  /** The row for one line of an exploration's journal; empty for a tile (an item) or an entry of no known kind. */
  public static Optional<StudioAct> fromJournal(String exploration, JsonNode line) {
    String entry = line.path("entry").asText();
    String name;
    String actor;
    String offer = null;
    switch (entry) {
      case "begin" -> {
        name = "begin";
        actor = "human";
      }
      case "act" -> {
        name = line.path("act").asText();
        actor = line.path("actor").asText("human");
        offer = text(line.path("data"), "offer");
      }
      case "offer" -> {
        name = line.path("trigger").asText();
        actor = "machine";
        offer = text(line, "id");
      }
      case "answer" -> {
        name = line.path("answer").asText();
        actor = "human";
        offer = text(line, "offer");
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(new StudioAct(exploration, line.path("seq").asLong(), line.path("at").asLong(), entry, name,
        actor, text(line.path("data"), "tile"), offer, Json.line(line)));
  }

  /** Records an act (once: a second record of the same exploration and seq changes nothing). */
  public static void record(Store store, StudioAct act) {
    store.write(c -> insert(c, List.of(act)));
  }

  /** An exploration's acts in the store, in the journal's order. */
  public static List<StudioAct> of(Store store, String exploration) {
    return store.read(c -> {
      List<StudioAct> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT exploration, seq, at, entry, name, actor, tile, offer,"
          + " data FROM acts WHERE exploration = ? ORDER BY seq")) {
        p.setString(1, exploration);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new StudioAct(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
          }
        }
      }
      return out;
    });
  }

  /** The journals' acts the store lacks (a crash between the journal and the store, or a failed write). */
  static List<StudioAct> missing(Store store) {
    List<StudioAct> all = journals(store.studio());
    Set<String> known = store.read(c -> {
      Set<String> keys = new HashSet<>();
      try (PreparedStatement p = c.prepareStatement("SELECT exploration || '/' || seq FROM acts");
          ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          keys.add(rs.getString(1));
        }
      }
      return keys;
    });
    return all.stream().filter(a -> !known.contains(a.exploration() + "/" + a.seq())).toList();
  }

  /** Copies into the store every act of the journals it lacks; returns how many. */
  static int replay(Store store) {
    List<StudioAct> missing = missing(store);
    return missing.isEmpty() ? 0 : store.write(c -> insert(c, missing));
  }

  /** Every act of every exploration's journal under the studio, in each journal's order. */
  static List<StudioAct> journals(Path studio) {
    Path root = studio.resolve(DIR);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<StudioAct> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.sorted().toList()) {
        String id = d.getFileName().toString();
        Path file = d.resolve(FILE);
        if (ID.matcher(id).matches() && Files.isRegularFile(file)) {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            parse(line).flatMap(n -> fromJournal(id, n)).ifPresent(out::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the explorations under " + root, e);
    }
    return out;
  }

  private static Optional<JsonNode> parse(String line) {
    if (line.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readTree(line));
    } catch (IOException torn) {
      // A line cut short by a crash: its act was never acknowledged.
      return Optional.empty();
    }
  }

  private static int insert(Connection c, List<StudioAct> acts) throws SQLException {
    int added = 0;
    try (PreparedStatement p = c.prepareStatement("INSERT OR IGNORE INTO acts(exploration, seq, at, entry, name,"
        + " actor, tile, offer, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (StudioAct a : acts) {
        p.setString(1, a.exploration());
        p.setLong(2, a.seq());
        p.setLong(3, a.at());
        p.setString(4, a.entry());
        p.setString(5, a.name());
        p.setString(6, a.actor());
        p.setString(7, a.tile());
        p.setString(8, a.offer());
        p.setString(9, a.data());
        added += p.executeUpdate();
      }
    }
    return added;
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.path(key);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }
}
