package margins.studio;

import ai.djl.Device;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import margins.MarginsException;
import margins.archive.ManifestEntry;
import margins.archive.PreparedArchive;
import margins.image.Images;
import margins.image.Png;
import margins.measure.PixelStructure;
import margins.model.Generator;
import margins.model.Model;
import margins.report.ArchiveMeasurer;
import margins.sample.SamplerContext;

/**
 * A studio session on one trained model: the model and its worker thread, the measurer fitted on the archive it
 * learned from, the genes, the journal, and the explorations open in memory (the most recent {@link #CACHED}; others
 * are replayed from the journal when asked for).
 */
public final class Studio implements AutoCloseable {

  /** Explorations kept in memory. */
  static final int CACHED = 64;

  /** Random mimetic samples whose mean distance is the convergence baseline. */
  static final int BASELINE_SAMPLES = 24;

  /**
   * How a studio is launched.
   *
   * @param studio the studio folder
   * @param run the run whose last checkpoint to use (null: the newest)
   * @param device where the network runs
   * @param voice the machine's voice for new explorations
   * @param queue jobs that may wait for the worker before the page is told 'busy'
   * @param maxUploadBytes the largest dropped file accepted
   * @param maxUploadPixels the most pixels a dropped image may claim in its header
   * @param fps the live walk's frame rate
   * @param clock the time, in epoch ms (a test's fake clock, or the system's)
   * @param software the Margins version recipes record
   */
  public record Options(Path studio, String run, Device device, Voice voice, int queue, long maxUploadBytes,
      long maxUploadPixels, int fps, LongSupplier clock, String software) {

    public static Options of(Path studio, Device device, String software) {
      return new Options(studio, null, device, Voice.NORMAL, 16, 16L << 20, 40_000_000L, 30,
          System::currentTimeMillis, software);
    }

    public Options withRun(String r) {
      return new Options(studio, r, device, voice, queue, maxUploadBytes, maxUploadPixels, fps, clock, software);
    }

    public Options withVoice(Voice v) {
      return new Options(studio, run, device, v, queue, maxUploadBytes, maxUploadPixels, fps, clock, software);
    }

    public Options withClock(LongSupplier c) {
      return new Options(studio, run, device, voice, queue, maxUploadBytes, maxUploadPixels, fps, c, software);
    }

    public Options withLimits(int q, long bytes, long pixels) {
      return new Options(studio, run, device, voice, q, bytes, pixels, fps, clock, software);
    }
  }

  private final Options options;
  private final Model model;
  private final Generator generator;
  private final ArchiveMeasurer measurer;
  private final Genes genes;
  private final StoredJournal journal;
  private final Worker worker;
  private final List<ManifestEntry> manifest;
  private final float[][] archiveFeatures;
  private final ArchiveNeighbours neighbours = new ArchiveNeighbours(this);
  private final Maker maker;
  private final double baseline;
  private final Map<String, Exploration> open = new LinkedHashMap<>(16, 0.75f, true);

  private Studio(Options o, Model model) {
    this.options = o;
    this.model = model;
    this.generator = new Generator(model);
    this.measurer = ArchiveMeasurer.forStudio(o.studio(), model);
    this.genes = Genes.of(context().codes().means(), Genes.MAX);
    this.journal = StoredJournal.open(new FileJournal(o.studio()), o.studio(), o.software());
    this.worker = new Worker(o.queue());
    this.manifest = PreparedArchive.open(o.studio()).manifest();
    int[] train = measurer.trainIndices();
    List<float[]> images = new ArrayList<>();
    for (int i : train) {
      images.add(measurer.archiveImage(i));
    }
    this.archiveFeatures = new PixelStructure().embed(images, measurer.size());
    this.maker = new Maker(this);
    this.baseline = maker.baseline(BASELINE_SAMPLES);
  }

  /** Loads the model and fits everything the page needs; a clear error when the studio has no trained model. */
  public static Studio open(Options o) {
    return open(o, Model.load(o.studio(), o.run(), null, o.device()));
  }

  /** Fits everything the page needs on a model already loaded (a --checkpoint, say); the studio closes it. */
  public static Studio open(Options o, Model m) {
    try {
      return new Studio(o, m);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  public Options options() {
    return options;
  }

  public Model model() {
    return model;
  }

  public Generator generator() {
    return generator;
  }

  public ArchiveMeasurer measurer() {
    return measurer;
  }

  /** The sampler context of the model (its archive split, codes and fits, shared by every draw). */
  public SamplerContext context() {
    return measurer.context();
  }

  public Genes genes() {
    return genes;
  }

  public Journal journal() {
    return journal;
  }

  public Worker worker() {
    return worker;
  }

  Maker maker() {
    return maker;
  }

  /** The mean distance between random mimetic samples (pixel-structure space). */
  public double baseline() {
    return baseline;
  }

  public long now() {
    return options.clock().getAsLong();
  }

  /** The archive's manifest (where each archive image came from). */
  public List<ManifestEntry> manifest() {
    return manifest;
  }

  /** Pixel-structure features of the training split, row i for archive item trainIndices()[i]. */
  float[][] archiveFeatures() {
    return archiveFeatures;
  }

  /** The archive images nearest a tile, for the inspector. */
  ArchiveNeighbours neighbours() {
    return neighbours;
  }

  /** The studio's store, or null when it could not be opened. */
  margins.store.Store store() {
    return journal.store();
  }

  /** A new exploration, begun in the journal. */
  public Exploration begin() {
    long now = now();
    String id = Ids.exploration(now);
    Exploration x = new Exploration(id, baseline, options.voice());
    x.record(journal, seq -> new Begin(seq, now, id, model.id(), model.sha256(), options.software()));
    synchronized (open) {
      open.put(id, x);
      trim();
    }
    return x;
  }

  /** An exploration by id, from memory or replayed from its record; a clear error when there is none. */
  public Exploration exploration(String id) {
    Ids.check(Ids.EXPLORATION, id, "an exploration id");
    synchronized (open) {
      Exploration x = open.get(id);
      if (x != null) {
        return x;
      }
    }
    List<Entry> entries = journal.replay(id);
    if (entries.isEmpty() || !(entries.get(0) instanceof Begin b)) {
      throw new NotFound("no exploration " + id + " in this studio");
    }
    if (!b.checkpointSha256().equals(model.sha256())) {
      throw new MarginsException("exploration " + id + " explores model " + b.model()
          + "; this studio runs " + model.id() + " (start it with --run to reopen it)");
    }
    Exploration x = Exploration.replay(id, entries, baseline, options.voice());
    synchronized (open) {
      Exploration raced = open.putIfAbsent(id, x);
      trim();
      return raced != null ? raced : x;
    }
  }

  private void trim() {
    while (open.size() > CACHED) {
      open.remove(open.keySet().iterator().next());
    }
  }

  /** The explorations now in memory. */
  public int cached() {
    synchronized (open) {
      return open.size();
    }
  }

  /** Archive image i as a PNG. */
  public byte[] archivePng(int index) {
    int count = context().archive().count();
    if (index < 0 || index >= count) {
      throw new NotFound("the archive has images 0-" + (count - 1) + ", not " + index);
    }
    BufferedImage img = Images.fromChw(measurer.archiveImage(index), 0, measurer.size(), measurer.size());
    return Png.encode(img, null, null);
  }

  /** Where an exploration's files lie. */
  public Path folder(String exploration) {
    return journal.folder(exploration);
  }

  @Override
  public void close() {
    worker.close();
    journal.close();
    model.close();
  }
}
