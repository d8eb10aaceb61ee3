package margins.cli;

import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `margins` entry point: one subcommand per task an artist does. */
@Command(
    name = "margins",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Train a generative image model on your own archive, then explore its latent space in two regimes:",
      "mimetic (typical look-alikes, close to the archive) and alien (the statistical margins)."
    },
    subcommands = {
      IngestCommand.class,
      TrainCommand.class,
      SampleCommand.class,
      VaryCommand.class,
      BendCommand.class,
      WalkCommand.class,
      ClustersCommand.class,
      RecipeCommand.class,
      RedoCommand.class,
      MeasureCommand.class,
      ReportCommand.class,
      StoreCommand.class, SimilarCommand.class, FindCommand.class, LineageCommand.class, AtlasCommand.class,
      StudioCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      DoctorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Margins implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the project's error handling; tests call this too. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Margins());
    cl.setExecutionExceptionHandler(new Failures());
    return cl;
  }

  public static void main(String[] args) {
    // Logging starts here, on one thread: started at once by two (the engine, and the store's driver loading in the
    // background), SLF4J prints a three-line warning about calls it replays.
    LoggerFactory.getILoggerFactory();
    System.exit(commandLine().execute(args));
  }
}
