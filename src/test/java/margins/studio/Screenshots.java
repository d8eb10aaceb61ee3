package margins.studio;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Screenshots the page tests take, into target/studio-screenshots; with -Dmargins.screenshots=DIR into DIR (how the
 * README's were made: the same tests on the demo's model, see the README's Studio section).
 */
final class Screenshots {

  private Screenshots() {}

  static void take(Page page, String name) {
    Path dir = Path.of(System.getProperty("margins.screenshots", "target/studio-screenshots"));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.waitForTimeout(200);
    page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name)).setFullPage(false));
  }
}
