package margins.studio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import margins.Json;
import margins.MarginsException;

/**
 * The journal as files: studio/explorations/&lt;id&gt;/journal.jsonl, one JSON line per entry, appended whole and
 * forced to the disk before the call returns. Replay skips a torn last line (a crash in mid-write: never
 * acknowledged). Tiles' PNGs lie beside it in tiles/.
 */
public final class FileJournal implements Journal {

  /** The folder under the studio. */
  public static final String DIR = margins.store.StudioActs.DIR;

  /** The journal's file name in an exploration's folder. */
  public static final String FILE = margins.store.StudioActs.FILE;

  private final Path root;
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  public FileJournal(Path studio) {
    this.root = studio.toAbsolutePath().normalize().resolve(DIR);
  }

  @Override
  public void begin(Begin begin) {
    Path dir = folder(begin.exploration());
    if (Files.exists(dir.resolve(FILE))) {
      throw new MarginsException("exploration " + begin.exploration() + " exists already");
    }
    append(begin.exploration(), begin);
  }

  @Override
  public void act(String exploration, Act act) {
    append(exploration, act);
  }

  @Override
  public void item(String exploration, Tile tile) {
    append(exploration, tile);
  }

  @Override
  public void offer(String exploration, Offer offer) {
    append(exploration, offer);
  }

  @Override
  public void answer(String exploration, Answer answer) {
    append(exploration, answer);
  }

  private void append(String exploration, Entry e) {
    byte[] line = (Json.line(e) + "\n").getBytes(StandardCharsets.UTF_8);
    Path file = folder(exploration).resolve(FILE);
    synchronized (locks.computeIfAbsent(exploration, k -> new Object())) {
      try {
        Files.createDirectories(file.getParent());
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot make " + file.getParent(), ex);
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer b = ByteBuffer.wrap(line);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(false);
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot record in " + file, ex);
      }
    }
  }

  @Override
  public List<Entry> replay(String exploration) {
    Path file = folder(exploration).resolve(FILE);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    synchronized (locks.computeIfAbsent(exploration, k -> new Object())) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            try {
              out.add(Json.MAPPER.readValue(line, Entry.class));
            } catch (IOException torn) {
              // A line cut short by a crash: its act was never acknowledged.
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  @Override
  public List<Summary> explorations() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Summary> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.toList()) {
        String id = d.getFileName().toString();
        if (Ids.EXPLORATION.matcher(id).matches() && Files.isRegularFile(d.resolve(FILE))) {
          out.add(summary(id, replay(id)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparingLong(Summary::last).reversed().thenComparing(Summary::id));
    return out;
  }

  static Summary summary(String id, List<Entry> entries) {
    long began = entries.isEmpty() ? 0 : entries.get(0).at();
    long last = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).at();
    String model = entries.isEmpty() || !(entries.get(0) instanceof Begin b) ? "?" : b.model();
    int tiles = 0;
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (Entry e : entries) {
      if (e instanceof Tile) {
        tiles++;
      } else if (e instanceof Act a && a.act().equals("keep")) {
        kept.add(a.text("tile"));
      }
    }
    return new Summary(id, began, last, model, tiles, kept.size());
  }

  @Override
  public Path folder(String exploration) {
    Ids.check(Ids.EXPLORATION, exploration, "an exploration id");
    Path dir = root.resolve(exploration).normalize();
    if (!dir.startsWith(root)) {
      throw new MarginsException("exploration outside the studio: " + exploration);
    }
    return dir;
  }
}
