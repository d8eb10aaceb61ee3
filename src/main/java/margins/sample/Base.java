package margins.sample;

import java.util.List;
import java.util.Random;

/**
 * Where a draw starts: an archive item chosen by the output's own random stream, or the context's source image.
 *
 * @param mean the item's posterior mean
 * @param logVar its posterior log-variance
 * @param item its archive index, or -1 for a source image
 * @param parents what the recipe names as its origin
 */
record Base(float[] mean, float[] logVar, int item, List<String> parents) {

  /** The source when varying one, else an archive item picked with r. */
  static Base pick(SamplerContext ctx, Random r) {
    if (ctx.source().isPresent()) {
      Source s = ctx.source().get();
      return new Base(s.mean(), s.logVar(), -1, s.parents());
    }
    var codes = ctx.codes();
    int row = r.nextInt(codes.count());
    int item = ctx.trainIndices()[row];
    return new Base(codes.means()[row], codes.logVars()[row], item, List.of("archive:" + item));
  }

  /** A draw from this item's posterior, each standard deviation scaled. */
  float[] posteriorSample(Random r, double scale) {
    return new Source(mean, logVar, parents).posteriorSample(r, scale);
  }
}
