package margins.measure;

/**
 * One output g placed against the archive: its nearest archive item and distance, realism (Kynkäänniemi 2019,
 * +Infinity when g coincides with a small-ball centre), rarity (Han 2022; NaN when g is in no ball), whether it is
 * inside some k-NN ball, and its kind.
 */
public record Placement(int nearest, double nearestDistance, double realism, double rarity, boolean inside, Kind kind) {}
