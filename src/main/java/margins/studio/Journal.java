package margins.studio;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the studio writes what happens, as it happens, and reads an exploration back: every act, every item with
 * its parents and creator, every offer of the machine and its answer. A method returns once the entry is durable,
 * so a crash or a closed tab loses nothing that was acknowledged. {@link FileJournal} writes JSON lines, the truth;
 * {@link StoredJournal} copies each entry into the store (tiles as items, the rest into its acts table).
 */
public interface Journal {

  /**
   * A summary of one exploration for the list of earlier ones.
   *
   * @param id its id
   * @param began when it began (epoch ms)
   * @param last when its last entry was written
   * @param model the model it explores (run@step)
   * @param tiles how many images it holds
   * @param kept how many were kept
   */
  record Summary(String id, long began, long last, String model, int tiles, int kept) {}

  /** Starts an exploration with its first entry. */
  void begin(Begin begin);

  /** Records an act. */
  void act(String exploration, Act act);

  /** Records an item: a tile with its parents (edges of its origin's kind) and who decided it. */
  void item(String exploration, Tile tile);

  /** Records an offer the machine made. */
  void offer(String exploration, Offer offer);

  /** Records the artist's answer to an offer. */
  void answer(String exploration, Answer answer);

  /** Everything recorded in an exploration, in order; empty when there is no such exploration. */
  List<Entry> replay(String exploration);

  /** Every exploration, the most recently touched first. */
  List<Summary> explorations();

  /** The folder holding an exploration's images (it may not exist yet); the id is checked first. */
  Path folder(String exploration);
}
