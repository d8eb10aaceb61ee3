package margins.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command list says in one line, ending with a full stop, what each task does. */
class HelpTest {

  @Test
  void everyCommandsSummaryIsOneSentenceThatEnds() {
    List<String> bad = new ArrayList<>();
    collect(Margins.commandLine(), bad);
    assertEquals(List.of(), bad, "summaries cut mid-sentence or too long");
  }

  private static void collect(CommandLine cl, List<String> bad) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandName().equals("help")) {
        continue;
      }
      String[] header = sub.getCommandSpec().usageMessage().header();
      String line = header.length > 0 ? header[0] : sub.getCommandSpec().usageMessage().description()[0];
      if (header.length != 1 || !line.endsWith(".") || line.length() > 70) {
        bad.add(sub.getCommandName() + ": " + line);
      }
      collect(sub, bad);
    }
  }

  @Test
  void theCommandListShowsEachSummaryWhole() {
    MarginsTest.Run r = new MarginsTest.Run("--help");
    assertEquals(0, r.code);
    assertTrue(r.out.contains("  sample    Make images from seeds, in the mimetic or the alien regime."), r.out);
    assertTrue(r.out.contains("  doctor    Say what the engine found on this machine."), r.out);
  }
}
