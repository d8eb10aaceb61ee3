package margins.train;

/** One line of a run's metrics.jsonl: the losses per image at a step, and the speed. */
public record StepMetrics(
    int step, double loss, double recon, double kl, double klWeight, double gradNorm, double imgPerSec, double seconds) {}
