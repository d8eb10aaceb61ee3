package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import margins.Progress;
import margins.store.Check;
import margins.store.Items;
import margins.store.Rebuild;
import margins.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins store`: the studio's memory of every image; alone it says what the store holds. */
@Command(name = "store", header = "Every image remembered: rebuild and check the studio's store.",
    mixinStandardHelpOptions = true,
    subcommands = {StoreCommand.RebuildCommand.class, StoreCommand.CheckCommand.class, StoreEditCommands.Add.class,
        StoreEditCommands.Tag.class, StoreEditCommands.Untag.class, StoreEditCommands.Note.class},
    description = {"The store (studio/store/margins.db, SQLite) remembers every image the studio's commands wrote:",
        "its recipe, measures and kind, its lineage, its resemblance to others, the tags and notes you add. The",
        "PNGs stay the truth: 'store rebuild' makes it again from the recipes inside them, 'store check' finds and",
        "repairs drift. Alone, prints what the store holds."})
public final class StoreCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;

  @Override
  public Integer call() {
    try (Store store = Store.open(studio.dir(), Version.software())) {
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%s: schema v%d, %d items%n", store.database(), store.version(), Items.count(store));
      out.flush();
    }
    return 0;
  }

  static Progress.Target progress(CommandSpec spec) {
    return System.console() != null ? new Progress.Target(spec.commandLine().getErr(), true) : Progress.Target.NONE;
  }

  /** `margins store rebuild`: the store made again from the PNGs. */
  @Command(name = "rebuild", header = "Make the store again from the recipes inside the studio's PNGs.",
      mixinStandardHelpOptions = true,
      description = {"Moves the database aside (margins.db.replaced-TIME) and registers every PNG under the studio",
          "that carries a recipe (outputs, walk frames; not the archive or the runs), then replays the journal of",
          "tags, notes and edges you added and copies the studio's acts from its explorations' journals. Run it",
          "while no other command writes to this studio."})
  public static final class RebuildCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin StudioOption studio;

    @Option(names = "--also", paramLabel = "DIR", description = "Another folder of Margins PNGs outside the studio "
        + "(outputs written with --out elsewhere); repeatable.")
    List<Path> also = List.of();

    @Override
    public Integer call() {
      Rebuild.Result r = Rebuild.run(studio.dir(), also, Version.software(), progress(spec));
      PrintWriter out = spec.commandLine().getOut();
      out.printf("rebuilt %s: %d items from %d PNGs (%d without a recipe skipped), %d journal acts, %d studio acts,"
          + " %.1f s%n", Store.file(studio.dir()), r.items(), r.files(), r.skipped(), r.acts(), r.studioActs(),
          r.seconds());
      if (r.replaced() != null) {
        out.println("the old database is kept at " + r.replaced());
      }
      out.flush();
      return 0;
    }
  }

  /** `margins store check`: drift between the store and the PNGs, repaired unless --dry-run. */
  @Command(name = "check", header = "Find and repair drift between the store and the studio's PNGs.",
      mixinStandardHelpOptions = true,
      description = {"Reports files gone, files changed, PNGs not registered, items without a file, lineage naming",
          "items that are gone, studio acts journaled but not stored, and SQLite's own integrity check; then",
          "repairs the store to agree with the PNGs and the journals (--dry-run only reports). Exit 0 when the",
          "store is consistent afterwards, 1 when it is not."})
  public static final class CheckCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin StudioOption studio;

    @Option(names = "--dry-run", description = "Report only; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = Store.open(studio.dir(), Version.software())) {
        Check.Report r = Check.run(store, !dryRun, progress(spec));
        out.printf("%s: %d files listed; integrity %s%n", store.database(), r.files(), r.integrity());
        list(out, "gone from disk", r.gone());
        list(out, "changed since registered", r.changed());
        list(out, "not registered", r.unregistered());
        if (r.orphans() > 0) {
          out.println(r.orphans() + " items without a file");
        }
        if (r.dangling() > 0) {
          out.println(r.dangling() + " edges naming items that are gone");
        }
        if (r.unrecordedActs() > 0) {
          out.println(r.unrecordedActs() + " studio acts in the explorations' journals but not in the store");
        }
        boolean consistent = r.consistent();
        if (r.repaired()) {
          consistent = Check.run(store, false, Progress.Target.NONE).consistent();
          out.println(consistent ? "repaired: the store agrees with the PNGs" : "repair left drift: run it again");
        } else {
          out.println(consistent ? "consistent: the store agrees with the PNGs"
              : "drift found (run without --dry-run to repair)");
        }
        out.flush();
        return consistent ? 0 : 1;
      }
    }

    private static void list(PrintWriter out, String what, List<String> files) {
      if (files.isEmpty()) {
        return;
      }
      out.println(files.size() + " " + what + ":");
      files.stream().limit(10).forEach(f -> out.println("  " + f));
      if (files.size() > 10) {
        out.println("  ... and " + (files.size() - 10) + " more");
      }
    }
  }
}
