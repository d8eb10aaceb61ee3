package margins.studio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import margins.archive.TestImages;
import margins.cli.Margins;
import margins.store.StudioAct;
import margins.store.StudioActs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in Debian's Chromium, one test per interaction, on a real server (port 0) with a tiny trained model. Each
 * test opens a fresh browser context, so each begins its own exploration. Screenshots go to
 * target/studio-screenshots (the README's come from the same tests on the demo's model: see {@link Screenshots}).
 */
class StudioPageTest {

  static StudioFixture f;
  BrowserContext context;
  Page page;

  @BeforeAll
  static void start() {
    f = new StudioFixture();
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @BeforeEach
  void open() {
    context = Chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 1100));
    page = context.newPage();
    page.setDefaultTimeout(60_000);
    page.navigate(f.server.url());
    page.waitForFunction("document.querySelectorAll('#grid .tile img').length === 12");
  }

  @AfterEach
  void close() {
    context.close();
  }

  @Test
  void theMachineFillsTheFirstGridWithBadgedTiles() {
    assertEquals(12, page.locator("#grid .tile .badge").count());
    String badge = page.locator("#grid .tile .badge").first().textContent();
    assertTrue(badge.matches("(copy|mimetic|marginal|alien|noise) \\d\\.\\d\\d"), badge);
    page.waitForFunction("[...document.querySelectorAll('#grid img')].every(i => i.complete && i.naturalWidth > 0)");
    assertEquals(128, page.locator("#grid .tile img").first().boundingBox().width, 0.5);
    Screenshots.take(page, "studio-grid.png");
  }

  @Test
  void keepingTwoThenBreedingGivesCrossoversWhoseLineageShowsBothParents() {
    String a = tileAt(0);
    String b = tileAt(1);
    tileButton(a, "keep");
    tileButton(b, "keep");
    page.waitForFunction("document.querySelectorAll('#kept .tile').length === 2");
    page.click("#breed");
    page.waitForFunction("S.gridId === 'g1'");
    String child = (String) page.evaluate("S.grid.map(id => S.tiles.get(id)).find(t => t.origin === 'crossover').id");
    String x = exploration();
    for (String parent : List.of(a, b)) {
      page.waitForSelector("#lineage line[data-from='" + x + "/" + parent + "'][data-to='" + x + "/" + child + "']",
          new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    }
    Screenshots.take(page, "studio-breed.png");
    page.click("#lineage g[data-node='" + x + "/" + child + "']");
    page.waitForFunction("S.gridId === 'g2'");
    assertEquals("branch", page.evaluate("S.tiles.get(S.grid[0]).origin"), "clicking a node branches from it");
  }

  @Test
  void draggingAGeneSliderRedrawsTheOpenTileLiveAndLettingGoMakesAGeneEdit() {
    String t = tileAt(2);
    tileButton(t, "open");
    page.waitForFunction("document.querySelectorAll('#genes input').length > 0");
    page.waitForFunction("document.getElementById('open-image').complete");
    byte[] before = page.locator("#open-image").screenshot();
    Locator slider = page.locator("#genes input").first();
    BoundingBox box = slider.boundingBox();
    page.mouse().move(box.x + box.width / 2, box.y + box.height / 2);
    page.mouse().down();
    page.mouse().move(box.x + box.width - 2, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions()
        .setSteps(5));
    page.waitForFunction("document.getElementById('open-image').src.startsWith('blob:')");
    page.waitForTimeout(300);
    byte[] during = page.locator("#open-image").screenshot();
    assertFalse(java.util.Arrays.equals(before, during), "the open tile is redrawn while the gene moves");
    page.mouse().up();
    page.waitForFunction("S.open !== '" + t + "' && S.tiles.get(S.open).origin === 'gene-edit'");
    assertTrue(page.textContent("#open-id").contains("gene-edit"));
  }

  @Test
  void aBendOnTheOpenTileIsDrawnLiveAndMadeATile() {
    String t = tileAt(3);
    tileButton(t, "open");
    page.waitForFunction("document.querySelectorAll('#genes input').length > 0");
    page.selectOption("#bend-op", "rotate");
    setRange("#bend-strength", "0.5");
    page.waitForFunction("document.getElementById('open-image').src.startsWith('blob:')");
    page.click("#bend-apply");
    page.waitForFunction("S.open !== '" + t + "' && S.tiles.get(S.open).origin === 'bend'");
    assertTrue((Boolean) page.evaluate("S.tiles.get(S.open).bent"));
  }

  @Test
  void theWalkStreamsAndPauseFreezesTheFrameCount() {
    tileButton(tileAt(4), "open");
    page.waitForFunction("document.querySelectorAll('#genes input').length > 0");
    page.click("#walk-start");
    page.waitForFunction("Number(document.getElementById('walk-count').textContent) > 30");
    Screenshots.take(page, "studio-walk.png");
    page.click("#walk-pause");
    page.waitForFunction("document.getElementById('walk-pause').textContent === 'resume'");
    String frozen = page.textContent("#walk-count");
    page.waitForTimeout(1000);
    assertEquals(frozen, page.textContent("#walk-count"), "no frame arrives while the walk is paused");
    page.click("#walk-grab");
    page.waitForFunction("S.open && S.tiles.get(S.open).origin === 'walk-grab'");
    List<String> stored = StudioActs.of(f.studio.store(), exploration()).stream().map(StudioAct::name).toList();
    assertTrue(stored.containsAll(List.of("open", "walk", "pause", "grab")), "the store has the walk's acts: "
        + stored);
  }

  @Test
  void convergingKeepsBringAnInterruptionWhoseAnswerIsRecorded() {
    page.selectOption("#voice", "insistent");
    String t = tileAt(5);
    tileButton(t, "parent");
    setRange("#mutation", "0");
    page.waitForFunction("document.getElementById('mutation-value').textContent === '0.00'");
    page.click("#breed");
    page.waitForFunction("S.gridId === 'g1'");
    f.advance(Duration.ofMinutes(2));
    for (int i = 0; i < 3; i++) {
      tileButton(tileAt(i), "keep");
      page.waitForFunction("document.querySelectorAll('#kept .tile').length === " + (i + 1));
    }
    page.waitForSelector("#machine:not([hidden])");
    String reason = page.textContent("#machine-reason");
    assertTrue(reason.contains("your last 3 keeps lie within 0.00 of each other"), reason);
    assertTrue(page.locator("#machine-offer .tile").count() >= 2, "it offers 2 or 3 tiles");
    Screenshots.take(page, "studio-interruption.png");
    String offer = page.getAttribute("#machine", "data-offer");
    page.click("#machine-dismiss");
    page.waitForSelector("#machine", new Page.WaitForSelectorOptions()
        .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
    List<Entry> record = f.studio.journal().replay(exploration());
    assertTrue(record.stream().anyMatch(e -> e instanceof Offer o && o.id().equals(offer)
        && o.trigger().equals("converge")), "the offer is recorded");
    assertTrue(record.stream().anyMatch(e -> e instanceof Answer a && a.offer().equals(offer)
        && a.answer().equals(Answer.DISMISS)), "and so is its answer");
    List<StudioAct> stored = StudioActs.of(f.studio.store(), exploration());
    assertTrue(stored.stream().anyMatch(a -> a.entry().equals("offer") && a.name().equals("converge")
        && a.actor().equals(Act.MACHINE) && offer.equals(a.offer())), "the store has the offer: " + stored);
    assertTrue(stored.stream().anyMatch(a -> a.entry().equals("answer") && a.name().equals(Answer.DISMISS)
        && offer.equals(a.offer())), "and its answer: " + stored);
  }

  @Test
  void aDroppedImageIsEncodedAndItsVariationsFillTheGrid() {
    drop("photo.png", TestImages.encode(TestImages.halves(90, 60, 0xcc2222, 0x2222cc), "png"));
    page.waitForFunction("S.grid.length === 12 && S.grid.every(id => S.tiles.get(id).origin === 'vary')");
    assertTrue(page.textContent("#message").contains("variations of photo.png"));
  }

  @Test
  void aBadUploadGetsAClearMessage() {
    drop("notes.png", "these are notes, not pixels".getBytes());
    page.waitForSelector("#message:not([hidden])");
    String m = page.textContent("#message");
    assertTrue(m.contains("notes.png is not an image Margins can read"), m);
    assertEquals("g0", page.evaluate("S.gridId"), "the grid stays as it was");
  }

  @Test
  void theInspectorGivesTheRecipeTheNearestArchiveImagesAndARedoLineThatWorks(@TempDir Path tmp) throws Exception {
    String t = tileAt(6);
    tileButton(t, "open");
    page.waitForSelector("#redo-line");
    assertEquals(5, page.locator("#inspect-body figure img").count());
    String redo = page.textContent("#redo-line");
    assertTrue(redo.startsWith("margins redo "), redo);
    Path png = f.studio.folder(exploration()).resolve("tiles/" + t + ".png");
    Path again = tmp.resolve("again.png");
    int code = Margins.commandLine().execute("redo", png.toString(), "--out", again.toString(), "--studio",
        f.studioDir.toString());
    assertEquals(0, code);
    assertArrayEquals(Files.readAllBytes(png), Files.readAllBytes(again), "redo makes the tile again byte for byte");
    assertTrue(page.getAttribute("#download", "href").endsWith("/tiles/" + t + "/image?download=1"));
  }

  @Test
  void closingTheTabLosesNothing() {
    String t = tileAt(7);
    tileButton(t, "keep");
    page.waitForFunction("document.querySelectorAll('#kept .tile').length === 1");
    String x = exploration();
    Object grid = page.evaluate("S.grid.join(',')");
    page.close();
    Page again = context.newPage();
    again.navigate(f.server.url());
    again.waitForFunction("document.querySelectorAll('#grid .tile img').length === 12");
    assertEquals(x, again.evaluate("S.x"));
    assertEquals(grid, again.evaluate("S.grid.join(',')"));
    assertEquals(t, again.evaluate("S.kept.join(',')"));
    page = again;
  }

  private String exploration() {
    return (String) page.evaluate("S.x");
  }

  private String tileAt(int i) {
    return page.locator("#grid .tile").nth(i).getAttribute("data-tile");
  }

  private void tileButton(String tile, String button) {
    Locator t = page.locator("#grid .tile[data-tile='" + tile + "']");
    t.hover();
    t.locator("button." + (button.equals("open") ? "openit" : button)).click();
  }

  private void setRange(String selector, String value) {
    page.evalOnSelector(selector, "(e, v) => { e.value = v; e.dispatchEvent(new Event('input', {bubbles: true}));"
        + " e.dispatchEvent(new Event('change', {bubbles: true})); }", value);
  }

  private void drop(String name, byte[] bytes) {
    JSHandle dt = page.evaluateHandle("([name, b64]) => { const dt = new DataTransfer();"
        + " const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));"
        + " dt.items.add(new File([bytes], name, {type: 'image/png'})); return dt; }",
        List.of(name, Base64.getEncoder().encodeToString(bytes)));
    page.dispatchEvent("#grid", "drop", Map.of("dataTransfer", dt));
  }
}
