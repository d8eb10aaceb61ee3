package margins.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import margins.MarginsException;
import margins.image.ContactSheet;
import margins.image.Png;
import margins.store.Filter;
import margins.store.Find;
import margins.store.Item;
import margins.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins find`: the items that match filters, as a table or a contact sheet. */
@Command(name = "find", header = "List what the studio made that matches filters, or its sheet.",
    mixinStandardHelpOptions = true,
    description = {"Everything the studio made that matches every filter given (a list option matches any of its",
        "values), newest first: e.g. find --kind alien --model 00003 --since 2025-06-03 --until 2025-06-04."})
public final class FindCommand implements Callable<Integer> {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Spec CommandSpec spec;
  @Mixin StudioOption studio;

  @Option(names = "--kind", split = ",", description = "copy, mimetic, marginal, alien, noise (comma-separated).")
  List<String> kinds = List.of();

  @Option(names = "--regime", split = ",", description = "mimetic, alien.")
  List<String> regimes = List.of();

  @Option(names = "--sampler", split = ",", description = "Sampler ids (or bend, walk).")
  List<String> samplers = List.of();

  @Option(names = "--model", split = ",", description = "Runs: a name (00003-vae32) or its number (3).")
  List<String> models = List.of();

  @Option(names = "--tag", description = "A tag the items carry (repeatable: every one).")
  List<String> tags = List.of();

  @Option(names = "--creator", description = "human or machine.")
  String creator;

  @Option(names = "--since", paramLabel = "TIME", description = "Made at or after: 2025-06-03, 2025-06-03T14:00, or an"
      + " age: 90m, 12h, 3d, 2w.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Made before (same forms).")
  String until;

  @Option(names = "--measure", paramLabel = "RANGE", description = "A measure in a range (repeatable):"
      + " pixel-structure.distance=0.3..0.6, rarity>=2, realism<=1.")
  List<String> measures = List.of();

  @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--sheet", paramLabel = "FILE", description = "Also write their contact sheet here.")
  Path sheet;

  @Override
  public Integer call() {
    ZoneId zone = ZoneId.systemDefault();
    Instant now = Instant.now();
    List<Filter.Range> ranges = measures.stream().map(Filter.Range::parse).toList();
    Filter f = new Filter(kinds, regimes, samplers, models, tags, creator,
        since == null ? null : Filter.time(since, zone, now), until == null ? null : Filter.time(until, zone, now),
        ranges, limit);
    PrintWriter o = spec.commandLine().getOut();
    try (Store store = Store.open(studio.dir(), Version.software())) {
      List<Item> items = Find.items(store, f);
      long total = Find.count(store, f);
      o.printf("%-12s  %-10s  %-7s  %-20s  %-16s  %6s  %-16s  %s%n", "id", "kind", "regime", "sampler", "model",
          "seed", "made", "path");
      for (Item i : items) {
        o.printf("%-12s  %-10s  %-7s  %-20s  %-16s  %6d  %-16s  %s%n", i.brief(), i.kind() == null ? "-" : i.kind(),
            i.regime(), i.sampler(), i.model(), i.seed(), WHEN.format(Instant.ofEpochMilli(i.createdAt()).atZone(zone)),
            i.path());
      }
      o.println(items.size() < total ? items.size() + " of " + total + " items (--limit to see more)"
          : total + " items");
      if (sheet != null) {
        if (items.isEmpty()) {
          throw new MarginsException("nothing matched, so there is no sheet to write");
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Item i : items) {
          Path png = store.studio().resolve(i.path());
          if (Files.isRegularFile(png)) {
            images.add(Png.read(png));
          }
        }
        Png.write(sheet, ContactSheet.of(images, 0, 64));
        o.println("sheet: " + sheet);
      }
      o.flush();
    }
    return 0;
  }
}
