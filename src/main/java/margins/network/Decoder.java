package margins.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decoder: a latent (B, latent) to image logits (B, 3, R, R), as named stages ("fc", "up1" .. "upN", the last giving RGB logits)
 * so that exploration can hook any stage's activation maps at generation time.
 */
public final class Decoder extends AbstractBlock {

  private static final byte VERSION = 1;
  private final List<String> stageNames = new ArrayList<>();

  public Decoder(VaeConfig c) {
    super(VERSION);
    int top = c.stages();
    int side = c.bottleneck();
    add("fc", Stages.seq(
        Stages.linear((long) c.channels(top) * side * side), Stages.leaky(), Stages.reshape(c.channels(top), side)));
    for (int s = top; s >= 2; s--) {
      // (B, C_s, r, r) -> (B, C_{s-1}, 2r, 2r)
      add("up" + (top - s + 1), Stages.seq(new UpConv(c.channels(s - 1)), Stages.leaky()));
    }
    // The last stage goes straight to RGB logits at full resolution: a full-resolution feature stage
    // would cost more than the rest of the network together.
    add("up" + top, Stages.seq(new UpConv(3)));
  }

  private void add(String name, Block block) {
    addChildBlock(name, block);
    stageNames.add(name);
  }

  /** The stage names in order, as hooks and bending configs refer to them. */
  public List<String> stageNames() {
    return Collections.unmodifiableList(stageNames);
  }

  /** Has every upsampling stage compute its kernels once, for generation (see {@link UpConv#freeze}). */
  void freeze(boolean frozen) {
    for (var stage : children.values()) {
      for (var block : stage.getChildren().values()) {
        if (block instanceof UpConv up) {
          if (frozen) {
            up.freeze();
          } else {
            up.thaw();
          }
        }
      }
    }
  }

  /** Runs the stages in order, passing each stage's output through the hook. Returns logits (B, 3, R, R). */
  public NDArray decode(ParameterStore ps, NDArray z, boolean training, LayerHook hook) {
    NDArray x = z;
    for (int i = 0; i < children.size(); i++) {
      x = children.get(i).getValue().forward(ps, new NDList(x), training).singletonOrThrow();
      x = hook.after(stageNames.get(i), x);
    }
    return x;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(decode(ps, inputs.singletonOrThrow(), training, LayerHook.NONE));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] shapes = inputShapes;
    for (var child : children) {
      shapes = child.getValue().getOutputShapes(shapes);
    }
    return shapes;
  }

  @Override
  protected void initializeChildBlocks(
      ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shapes = inputShapes;
    for (var child : children) {
      child.getValue().initialize(manager, dataType, shapes);
      shapes = child.getValue().getOutputShapes(shapes);
    }
  }
}
