package margins.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import margins.MarginsException;
import margins.recipe.Recipe;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

/**
 * A studio's store, studio/store/margins.db: SQLite in WAL mode, so several commands write to it at once (each
 * write a short IMMEDIATE transaction, retried while another holds the lock), and a process killed in the middle
 * leaves the last committed state. Every query binds user text as a parameter. Open it, register what a command
 * wrote, close it:
 *
 * <pre>try (Store store = Store.open(studio)) { store.registerAll(registrations); }</pre>
 */
public final class Store implements AutoCloseable {

  /** The folder under the studio, the database file and the journal of what an artist added. */
  public static final String DIR = "store";

  public static final String FILE = "margins.db";

  /** Attempts at one transaction while other processes hold the lock (each already waits busy_timeout). */
  private static final int ATTEMPTS = 8;

  private static final int BUSY_TIMEOUT_MS = 10_000;

  /** What a transaction does with the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Path studio;
  private final Path db;
  private final Connection connection;
  private final Journal journal;

  private Store(Path studio, Path db, Connection connection) {
    this.studio = studio;
    this.db = db;
    this.connection = connection;
    this.journal = new Journal(studio.resolve(DIR).resolve(Journal.FILE));
  }

  /** The database file of a studio's store. */
  public static Path file(Path studio) {
    return studio.toAbsolutePath().normalize().resolve(DIR).resolve(FILE);
  }

  /** Opens the studio's store, creating it or bringing its schema up to date; refuses one from a newer Margins. */
  public static Store open(Path studio) {
    return open(studio, "margins");
  }

  /** The same, recording which Margins made any migration it applies. */
  public static Store open(Path studio, String software) {
    Path s = studio.toAbsolutePath().normalize();
    Path db = file(s);
    try {
      Files.createDirectories(db.getParent());
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(BUSY_TIMEOUT_MS);
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      // WAL + NORMAL: a killed process loses nothing committed; only a power cut may lose the last commits.
      config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      config.enforceForeignKeys(true);
      // Ids and hashes are random keys: a larger page cache keeps index inserts off the disk as the store grows.
      config.setCacheSize(-65_536);
      config.setTempStore(SQLiteConfig.TempStore.MEMORY);
      Connection c = retry(() -> config.createConnection("jdbc:sqlite:" + db));
      Store store = new Store(s, db, c);
      try {
        Schema.refuseNewer(Schema.version(c), db);
        if (Schema.version(c) < Schema.LATEST) {
          store.write(conn -> Schema.migrate(conn, db, software));
        }
      } catch (RuntimeException | SQLException e) {
        c.close();
        throw e;
      }
      return store;
    } catch (SQLException e) {
      throw new MarginsException("cannot open the store " + db + ": " + e.getMessage()
          + " (if the file is damaged, 'margins store rebuild' makes it again from the studio's PNGs)", e);
    } catch (java.io.IOException e) {
      throw new MarginsException("cannot create " + db.getParent() + ": " + e.getMessage(), e);
    }
  }

  /** Loads SQLite's native library and driver (half a second in a fresh process); touches no file of a studio. */
  static void warmUp() {
    try {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception | LinkageError e) {
      // Store.open will meet the same problem and say it where it matters.
    }
  }

  public Path studio() {
    return studio;
  }

  public Path database() {
    return db;
  }

  Journal journal() {
    return journal;
  }

  /** The schema version of this store. */
  public int version() {
    return read(Schema::version);
  }

  /**
   * Registers one PNG just written with its recipe: who decided it, and edges beyond the recipe's own parents
   * (empty: the recipe's). Returns the item's id, the SHA-256 of the recipe's JSON.
   */
  public String register(Path png, Recipe recipe, Creator creator, List<Edge> edges) {
    return registerAll(List.of(new Registration(png, recipe, creator, edges))).get(0);
  }

  /**
   * Registers a batch in one transaction (what a command calls after each chunk it writes). Files are hashed
   * before the transaction, so the lock is held only for the inserts. Returns the items' ids, in order.
   */
  public List<String> registerAll(List<Registration> batch) {
    List<ItemWriter.Prepared> prepared = new ArrayList<>(batch.size());
    for (Registration r : batch) {
      prepared.add(ItemWriter.prepare(studio, r));
    }
    // The journal first: a crash between the two leaves an act a rebuild replays, never one it loses.
    for (ItemWriter.Prepared p : prepared) {
      p.journal().forEach(journal::append);
    }
    return write(c -> ItemWriter.insert(c, studio, prepared));
  }

  /** Runs the work in one IMMEDIATE transaction, retried while other processes hold the lock; commits or rolls back. */
  public synchronized <T> T write(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Statement s = connection.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        try {
          T result = work.run(connection);
          s.execute("COMMIT");
          return result;
        } catch (SQLException | RuntimeException e) {
          rollback(s);
          throw e;
        }
      } catch (SQLException e) {
        if (!busy(e) || attempt >= ATTEMPTS) {
          throw new MarginsException("the store " + db + " could not be written: " + e.getMessage(), e);
        }
        pause(attempt);
      }
    }
  }

  private static void rollback(Statement s) {
    try {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // No transaction left to roll back (BEGIN itself failed, or SQLite rolled back on its own).
    }
  }

  /** Runs a read (autocommit: it sees the last committed state, and never blocks writers in WAL mode). */
  public synchronized <T> T read(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.run(connection);
      } catch (SQLException e) {
        if (!busy(e) || attempt >= ATTEMPTS) {
          throw new MarginsException("the store " + db + " could not be read: " + e.getMessage(), e);
        }
        pause(attempt);
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new MarginsException("cannot close the store " + db + ": " + e.getMessage(), e);
    }
  }

  private interface Opening {
    Connection open() throws SQLException;
  }

  private static Connection retry(Opening opening) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return opening.open();
      } catch (SQLException e) {
        if (!busy(e) || attempt >= ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  static boolean busy(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(2000, 25L << attempt) + (long) (Math.random() * 25));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MarginsException("interrupted while waiting for the store's lock");
    }
  }
}
