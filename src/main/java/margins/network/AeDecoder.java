package margins.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The autoencoder's decoder, as named stages hooks can reach: "fc" (a linear layer to 4x4 maps), "up1" .. "upK"
 * (nearest 2x and a 3x3 convolution, then residual blocks, up to half the image side), "upN" (a sub-pixel
 * convolution to full resolution) and "rgb" (a 3x3 convolution to colour, linear: clamped to [0, 1] when shown).
 */
final class AeDecoder extends AbstractBlock {

  private static final byte VERSION = 1;

  private final List<String> names = new ArrayList<>();
  private final List<Block> stages = new ArrayList<>();
  private final int side0;
  private final int channels0;
  private final int top;
  private final int resolution;

  AeDecoder(AeConfig c) {
    super(VERSION);
    List<Integer> ch = c.decoderChannels();
    channels0 = ch.get(0);
    side0 = 4;
    top = c.top();
    resolution = c.resolution();
    add("fc", Stages.linear((long) channels0 * side0 * side0));
    for (int i = 1; i < ch.size(); i++) {
      List<Block> blocks = new ArrayList<>();
      blocks.add(new UpConv(ch.get(i)));
      blocks.add(Stages.leaky());
      for (int r = 0; r < c.residual(); r++) {
        blocks.add(new Residual(ch.get(i)));
      }
      add("up" + i, Stages.seq(blocks.toArray(Block[]::new)));
    }
    add("up" + ch.size(), Stages.conv(4 * top, 3, 1, 1));
    add("rgb", new PaddedConv(3, 3, 1, 1));
  }

  private void add(String name, Block block) {
    names.add(name);
    stages.add(addChildBlock(name, block));
  }

  List<String> stageNames() {
    return List.copyOf(names);
  }

  /** Has every upsampling stage compute its kernels once, for generation (see {@link UpConv#freeze}). */
  void freeze(boolean frozen) {
    for (Block stage : stages) {
      for (var child : stage.getChildren().values()) {
        if (child instanceof UpConv up) {
          if (frozen) {
            up.freeze();
          } else {
            up.thaw();
          }
        }
      }
    }
  }

  /** Codes (B, L) to the linear colour maps (B, 3, R, R), each stage's output passed through the hook. */
  NDArray decode(ParameterStore ps, NDArray z, boolean training, LayerHook hook) {
    NDArray h = z;
    for (int i = 0; i < stages.size(); i++) {
      String name = names.get(i);
      h = stages.get(i).forward(ps, new NDList(h), training).singletonOrThrow();
      if (name.equals("fc")) {
        h = Activation.leakyRelu(h, Stages.SLOPE).reshape(-1, channels0, side0, side0); // (B, C0, 4, 4)
      } else if (name.equals("rgb")) {
        h = h.add(0.5f); // a linear output: mid-grey where the maps are zero
      } else if (i == stages.size() - 2) {
        h = Activation.leakyRelu(Shuffle.toSpace(h), Stages.SLOPE); // (B, top, R, R)
      }
      h = hook.after(name, h);
    }
    return h;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(decode(ps, inputs.singletonOrThrow(), training, LayerHook.NONE));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape s = inputShapes[0];
    for (int i = 0; i < stages.size(); i++) {
      stages.get(i).initialize(manager, dataType, s);
      s = stages.get(i).getOutputShapes(new Shape[] {s})[0];
      if (i == 0) {
        s = new Shape(s.get(0), channels0, side0, side0);
      } else if (i == stages.size() - 2) {
        s = new Shape(s.get(0), top, s.get(2) * 2, s.get(3) * 2);
      }
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return new Shape[] {new Shape(inputs[0].get(0), 3, resolution, resolution)};
  }
}
