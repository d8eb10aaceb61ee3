package margins.report;

import java.util.Map;
import margins.measure.BatchMeasures;

/**
 * One row of a batch table: a named set of images measured against the archive in every space.
 *
 * @param name what the images are ("held-out archive", "mimetic (truncated)", ...)
 * @param n how many images
 * @param measures per space id, the batch measures, or null where there were too few images
 * @param note why a row has no measures, or "" when it has
 */
public record BatchRow(String name, int n, Map<String, BatchMeasures> measures, String note) {

  /** A row with no measures and the reason. */
  public static BatchRow none(String name, String note) {
    return new BatchRow(name, 0, Map.of(), note);
  }

  /** The measures in one space, or null. */
  public BatchMeasures in(String space) {
    return measures.get(space);
  }
}
