package margins.train;

import java.nio.file.Path;

/**
 * What a training run leaves: its directory, its last checkpoint and how it went.
 *
 * @param run the run directory
 * @param checkpoint the last checkpoint written
 * @param steps steps done in all
 * @param loss the last logged loss per image
 * @param imgPerSec training speed over this session
 * @param seconds wall-clock time of this session
 */
public record TrainResult(RunDir run, Path checkpoint, int steps, double loss, double imgPerSec, double seconds) {}
