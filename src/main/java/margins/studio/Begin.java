package margins.studio;

/**
 * The first entry of an exploration.
 *
 * @param exploration its id
 * @param model the model's id (run@step)
 * @param checkpointSha256 the checkpoint it explores
 * @param software the Margins version
 */
public record Begin(long seq, long at, String exploration, String model, String checkpointSha256, String software)
    implements Entry {}
