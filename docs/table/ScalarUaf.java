// Reproducer for the nondeterministic NaN gradients found while calibrating the table (docs/TABLE1.md).
// DJL 0.33 on the CPU: x.mul(3f) (likewise div/pow/maximum with a Number) creates a scalar NDArray over a direct
// ByteBuffer (torch::from_blob, no copy), multiplies, and closes the scalar at once; autograd has saved that
// tensor for the backward, whose memory the JVM then frees at the next GC. The backward reads freed memory.
// Run (classpath of the model module):  java -Dai.djl.offline=true -cp "$CP" docs/table/ScalarUaf.java scalar|array
// Seen here: "scalar: wrong gradient in 127 of 200 trials", "array: wrong gradient in 0 of 200 trials".
import ai.djl.ndarray.*;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import java.nio.*;
import java.util.*;
public class ScalarUaf {
  public static void main(String[] a) throws Exception {
    Engine e = Engine.getEngine("PyTorch");
    int bad = 0, trials = 200;
    try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
      NDArray x = m.create(new float[] {1f, 2f, 3f, 4f});
      x.setRequiresGradient(true);
      for (int t = 0; t < trials; t++) {
        try (NDManager s = m.newSubManager()) {
          try (GradientCollector gc = e.newGradientCollector()) {
            NDArray y = a[0].equals("scalar") ? x.mul(3f) : x.mul(s.create(3f));   // DJL closes the scalar temp at once
            System.gc();
            List<ByteBuffer> junk = new ArrayList<>();
            for (int i = 0; i < 2000; i++) { ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()); b.putFloat(0, Float.NaN); junk.add(b); }
            gc.backward(y.sum());
          }
          float[] g = x.getGradient().toFloatArray();
          if (g[0] != 3f) bad++;
          x.getGradient().set(new NDIndex("..."), 0f);
        }
      }
    }
    System.out.println(a[0] + ": wrong gradient in " + bad + " of " + trials + " trials");
  }
}
