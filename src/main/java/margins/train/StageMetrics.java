package margins.train;

/**
 * One line of a two-stage run's metrics.jsonl, averaged over the steps since the last line.
 *
 * @param step steps done, counted over all phases
 * @param phase "ae", "gan" or "flow"
 * @param loss the phase's loss
 * @param first its first part: pixel L1 (ae, gan), flow-matching error (flow)
 * @param second its second part: image-gradient L1 (ae), the critic's loss (gan)
 * @param gradNorm the gradients' global norm
 * @param itemsPerSec images (or codes, in the flow phase) per second this session
 * @param seconds seconds since this session began
 */
public record StageMetrics(int step, String phase, double loss, double first, double second, double gradNorm,
    double itemsPerSec, double seconds) {}
