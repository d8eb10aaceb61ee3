package margins.measure;

import java.util.Map;

/**
 * Set-level measures of n outputs against the archive: precision and recall (Kynkäänniemi 2019), precision over
 * the smaller half of the balls, density and coverage (Naeem 2020), KID mean and std (Bińkowski 2018), the
 * fraction of outputs that are copies, and how many outputs fell in each kind, keyed by kind id in kind order.
 */
public record BatchMeasures(
    double precision,
    double prunedPrecision,
    double recall,
    double density,
    double coverage,
    double kid,
    double kidStd,
    int n,
    double copyRate,
    Map<String, Integer> kinds) {}
