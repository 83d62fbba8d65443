package org.haxlab.model.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.haxlab.model.nd.Params;
import org.haxlab.model.trace.ForwardOptions;

import java.util.Random;

/**
 * Not a unit test: times the host selection and one eval forward of the branch on the sparse path at a
 * long length (spec §3, cost). Run with
 * {@code java -cp <model test classpath> org.haxlab.model.sparse.SparseBenchmark [length] [patterns...]}.
 */
public final class SparseBenchmark {

    private SparseBenchmark() {
    }

    /** Arguments: length (default 65536), then pattern ids (default sw d lsh ks hax). */
    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 65536;
        String[] ids = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[]{"sw", "d", "lsh", "ks", "hax"};
        int dInner = 128;
        int dState = 16;
        Random rng = new Random(1);
        float[] xv = new float[length * dInner];
        for (int i = 0; i < xv.length; i++) {
            xv[i] = (float) rng.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(xv, new Shape(1, length, dInner));
            for (String id : ids) {
                SparseConfig c = SparseConfig.paper(Pattern.parse(id)).withPath(SparseConfig.AttentionPath.SPARSE);
                Params params = new Params(manager, manager.getDevice());
                SparseBranch branch = new SparseBranch(c, dInner, dState, 0, params, "attn.", new Random(2));
                SelectionPattern pattern = SelectionPattern.of(c);
                int[] qb = new int[length];
                int[] kb = new int[length];
                float[] sc = new float[length];
                for (int t = 0; t < length; t++) {
                    qb[t] = rng.nextInt(256);
                    kb[t] = rng.nextInt(256);
                    sc[t] = rng.nextFloat();
                }
                long t0 = System.nanoTime();
                SelectedKeys s = pattern.select(new SelectionInput(length, qb, kb, sc));
                long t1 = System.nanoTime();
                try (NDScope scope = new NDScope()) {
                    branch.forward(x, null, ForwardOptions.eval()).output().sum().getFloat();
                }
                long t2 = System.nanoTime();
                System.out.printf("%-4s L=%d  host selection %.1f ms (%d entries)  eval forward %.1f ms%n",
                        id, length, (t1 - t0) / 1e6, s.size(), (t2 - t1) / 1e6);
                params.close();
            }
        }
    }
}
