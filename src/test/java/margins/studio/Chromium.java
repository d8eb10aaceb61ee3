package margins.studio;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright for Java: one browser per test JVM, launched on first use, never
 * downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD; the driver comes inside the Maven jar). CHROMIUM names another
 * executable.
 */
final class Chromium {

  private static Playwright playwright;
  private static Browser browser;

  private Chromium() {}

  static Path executable() {
    String env = System.getenv("CHROMIUM");
    for (String p : env != null ? List.of(env) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    throw new IllegalStateException("no Chromium at /usr/bin/chromium: run ./test, which installs Debian's chromium,"
        + " or set CHROMIUM to its path");
  }

  static synchronized Browser browser() {
    if (browser == null) {
      playwright = Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable())
          .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage")));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        browser.close();
        playwright.close();
      }));
    }
    return browser;
  }
}
