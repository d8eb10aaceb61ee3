package margins.cli;

import picocli.CommandLine;

/** Reports the software version written into every recipe. */
public final class Version implements CommandLine.IVersionProvider {

  /** The version string, from the jar manifest when packaged, else the development marker. */
  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }

  /** What recipes and run configs record as the software that made them. */
  public static String software() {
    return "margins " + current();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"margins " + current()};
  }
}
