package margins.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import margins.studio.Server;
import margins.studio.Studio;
import margins.studio.Voice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `margins studio`: the web studio on a trained model, where the artist and the machine interrupt each other. */
@Command(name = "studio", header = "Open the web studio: propose, keep, breed, bend, walk, be interrupted.",
    mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve the studio page for the trained model on 127.0.0.1 only and print its link, which"
        + " carries a token made for this launch: nothing answers without it.",
        "The machine fills the first grid; keep, reject, breed, move genes, bend and walk, and the machine"
        + " interrupts when your keeps settle into the typical. Every act is written under STUDIO/explorations/"
        + " as it happens: open the link again after closing the tab and the exploration is where it was."
        + " Ctrl-C stops the studio.",
        "  e.g. margins studio --open",
        "       margins studio --run 00003-vae32 --port 8765 --voice quiet", ""})
public final class StudioCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "Port on 127.0.0.1; 0 takes a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--open", description = "Open the link in the default browser.")
  boolean open;

  @Option(names = "--voice", paramLabel = "quiet|normal|insistent", defaultValue = "normal",
      description = "How often the machine interrupts: quiet, normal or insistent (default: ${DEFAULT-VALUE}).")
  String voice;

  @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "16", description = "Largest dropped file, MB (default: ${DEFAULT-VALUE}).")
  int maxUploadMb;

  @Option(names = "--max-upload-megapixels", paramLabel = "MP", defaultValue = "40",
      description = "Most pixels a dropped image may have, millions (default: ${DEFAULT-VALUE}).")
  int maxUploadMegapixels;

  @Option(names = "--queue", paramLabel = "JOBS", defaultValue = "16", description = "Jobs that may wait before the page is told 'busy' (default: ${DEFAULT-VALUE}).")
  int queue;

  @Mixin ModelOptions using;

  @Override
  public Integer call() throws InterruptedException {
    Ranges.in("--port", port, 0, 65535);
    Ranges.in("--max-upload-mb", maxUploadMb, 1, 1024);
    Ranges.in("--max-upload-megapixels", maxUploadMegapixels, 1, 1000);
    Ranges.in("--queue", queue, 1, 1024);
    Voice v = Voice.parse(voice);
    PrintWriter out = spec.commandLine().getOut();
    out.println("margins studio: loading the model and fitting the measures...");
    out.flush();
    Studio.Options o = Studio.Options.of(using.studio(), using.device(), Version.software()).withVoice(v)
        .withLimits(queue, (long) maxUploadMb << 20, maxUploadMegapixels * 1_000_000L);
    Studio studio = Studio.open(o, using.load());
    Server server;
    try {
      server = Server.start(studio, port);
    } catch (RuntimeException e) {
      studio.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      studio.close();
      stopped.countDown();
    }));
    out.println("the studio is open on " + studio.model().id() + ": " + server.url());
    out.println("(everything is written under " + using.studio().resolve("explorations") + "; Ctrl-C stops it)");
    out.flush();
    if (open && !browse(server.url())) {
      out.println("could not open a browser: open the link above by hand");
      out.flush();
    }
    stopped.await();
    return 0;
  }

  /** Opens the link with the desktop's opener (xdg-open, open); false when there is none. */
  static boolean browse(String url) {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String opener = os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
    try {
      new ProcessBuilder(opener, url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
