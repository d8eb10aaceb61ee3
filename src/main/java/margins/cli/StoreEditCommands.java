package margins.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import margins.BadParameter;
import margins.recipe.Recipe;
import margins.store.Acts;
import margins.store.Item;
import margins.store.Items;
import margins.store.Registration;
import margins.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The `store` subcommands that add to it: PNGs written elsewhere, tags, notes. */
final class StoreEditCommands {

  private StoreEditCommands() {}

  /** `margins store add <png|folder>...`: registers Margins PNGs (those written outside the studio, say). */
  @Command(name = "add", header = "Register Margins PNGs (files or folders) in the store.",
      mixinStandardHelpOptions = true, description = "Register PNGs that carry a recipe; others are skipped.")
  public static final class Add implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin StudioOption studio;

    @Parameters(paramLabel = "PNG|DIR", arity = "1..*", description = "Files or folders of Margins PNGs.")
    List<Path> paths;

    @Override
    public Integer call() throws java.io.IOException {
      List<Registration> batch = new ArrayList<>();
      int skipped = 0;
      for (Path p : paths) {
        List<Path> files;
        try (var s = Files.isDirectory(p) ? Files.walk(p) : java.util.stream.Stream.of(p)) {
          files = s.filter(f -> f.toString().endsWith(".png") && Files.isRegularFile(f)).sorted().toList();
        }
        for (Path f : files) {
          var recipe = Recipe.of(f);
          if (recipe.isPresent()) {
            batch.add(Registration.of(f, recipe.get()));
          } else {
            skipped++;
          }
        }
      }
      try (Store store = Store.open(studio.dir(), Version.software())) {
        store.registerAll(batch);
      }
      spec.commandLine().getOut().printf("registered %d PNGs; %d without a recipe skipped%n", batch.size(), skipped);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** `margins store tag <item> <tag>...`. */
  @Command(name = "tag", header = "Tag an item.", mixinStandardHelpOptions = true,
      description = "Add tags (any text) to an item: an id (6+ hex digits), seed:N, or its PNG.")
  public static final class Tag implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin StudioOption studio;

    @Parameters(index = "0", paramLabel = "ITEM", description = "An id or its first 6+ digits, seed:N, or a PNG.")
    String item;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tags to add.")
    List<String> tags;

    @Override
    public Integer call() {
      try (Store store = Store.open(studio.dir(), Version.software())) {
        Item i = Items.resolve(store, item);
        for (String t : tags) {
          Acts.tag(store, i, t);
        }
        say(spec, i.brief() + " tags: " + Acts.tags(store, i.id()));
      }
      return 0;
    }
  }

  /** `margins store untag <item> <tag>...`. */
  @Command(name = "untag", header = "Remove tags from an item.", mixinStandardHelpOptions = true,
      description = "Remove tags from an item.")
  public static final class Untag implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin StudioOption studio;

    @Parameters(index = "0", paramLabel = "ITEM", description = "An id or its first 6+ digits, seed:N, or a PNG.")
    String item;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TAG", description = "Tags to remove.")
    List<String> tags;

    @Override
    public Integer call() {
      try (Store store = Store.open(studio.dir(), Version.software())) {
        Item i = Items.resolve(store, item);
        for (String t : tags) {
          Acts.untag(store, i, t);
        }
        say(spec, i.brief() + " tags: " + Acts.tags(store, i.id()));
      }
      return 0;
    }
  }

  /** `margins store note <item> <text>`. */
  @Command(name = "note", header = "Add a note to an item.", mixinStandardHelpOptions = true,
      description = "Add a note (any text) to an item.")
  public static final class Note implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin StudioOption studio;

    @Parameters(index = "0", paramLabel = "ITEM", description = "An id or its first 6+ digits, seed:N, or a PNG.")
    String item;

    @Parameters(index = "1", paramLabel = "TEXT", description = "The note.")
    String text;

    @Override
    public Integer call() {
      if (text.isBlank()) {
        throw new BadParameter("a note cannot be empty");
      }
      try (Store store = Store.open(studio.dir(), Version.software())) {
        Item i = Items.resolve(store, item);
        Acts.note(store, i, text);
        say(spec, i.brief() + " notes: " + Acts.notes(store, i.id()).size());
      }
      return 0;
    }
  }

  private static void say(CommandSpec spec, String line) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(line);
    out.flush();
  }
}
