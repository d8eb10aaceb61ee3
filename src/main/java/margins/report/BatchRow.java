package margins.report;

import java.util.Map;
import margins.measure.BatchMeasures;

/**
 * One row of a batch table: a named set of images measured against the archive in every space.
 *
 * @param name what the images are ("held-out archive", "mimetic (truncated)", ...)
 * @param n how many images
 * @param measures per space id, the batch measures, or null where there were too few images
 * @param sharpness the images' mean |Laplacian| over the held-out split's (1 = as crisp as the archive), NaN for none
 * @param coherence the images' mean neighbouring-pixel correlation (pictures near 1, noise near 0), NaN for none
 * @param note why a row has no measures, or "" when it has
 */
public record BatchRow(String name, int n, Map<String, BatchMeasures> measures, double sharpness, double coherence,
    String note) {

  /** A row with no measures and the reason. */
  public static BatchRow none(String name, String note) {
    return new BatchRow(name, 0, Map.of(), Double.NaN, Double.NaN, note);
  }

  /** The measures in one space, or null. */
  public BatchMeasures in(String space) {
    return measures.get(space);
  }
}
