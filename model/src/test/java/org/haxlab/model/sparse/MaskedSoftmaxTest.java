package org.haxlab.model.sparse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.ManagedTest;
import org.haxlab.model.nd.Scalars;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The masked softmax as a bias, one fused softmax and a row-flag multiply ({@link SoftmaxMask}) gives the values and
 * gradients of the mask applied element by element (the formulation it replaced, kept here as the reference), and a
 * row with no valid entry gives exactly zero weights, a zero output and zero (never NaN) gradients.
 */
class MaskedSoftmaxTest extends ManagedTest {

    private static final int B = 3;
    private static final int L = 29;
    private static final int N = 6;
    private static final int D = 7;

    /** The element-wise formulation: shift masked entries down, stable exp, multiply the mask in, guard 0 sums. */
    static NDArray reference(NDArray scores, NDArray valid, int axis) {
        NDArray shifted = scores.add(Scalars.mul(Scalars.sub(valid, 1f), 1e9f));
        NDArray max = shifted.max(new int[] {axis}, true).stopGradient();
        NDArray e = shifted.sub(max).exp().mul(valid);
        NDArray sum = e.sum(new int[] {axis}, true);
        NDArray empty = sum.eq(sum.zerosLike()).toType(DataType.FLOAT32, false);
        return e.div(sum.add(empty));
    }

    private NDArray gaussian(Random rng, double scale, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rng.nextGaussian() * scale);
        }
        return manager.create(v, new Shape(shape));
    }

    /**
     * A 0/1 float mask of {@code shape} (keys along the last axis), about a third of the entries valid, with every
     * fifth row and the whole of the last batch element fully masked.
     */
    private NDArray randomMask(Random rng, long... shape) {
        int keys = (int) shape[shape.length - 1];
        int rowsPerBatch = (int) (new Shape(shape).size() / shape[0] / keys);
        float[] m = new float[(int) new Shape(shape).size()];
        for (int row = 0; row < m.length / keys; row++) {
            boolean emptyRow = row % 5 == 2 || row / rowsPerBatch == shape[0] - 1;
            for (int j = 0; j < keys; j++) {
                m[row * keys + j] = !emptyRow && rng.nextDouble() < 0.35 ? 1f : 0f;
            }
        }
        return manager.create(m, new Shape(shape));
    }

    /** The output values and the gradients of {@code inputs} under loss sum(out * weights), for {@code f}. */
    private static float[][] valuesAndGradients(NDArray[] inputs, NDArray weights,
                                                Function<NDArray[], NDArray> f) {
        for (NDArray a : inputs) {
            a.setRequiresGradient(true);
        }
        float[][] got = new float[inputs.length + 1][];
        try (GradientCollector gc = Engine.getInstance().newGradientCollector();
             NDScope scope = new NDScope()) {
            NDArray out = f.apply(inputs);
            got[0] = out.toFloatArray();
            gc.backward(out.mul(weights).sum());
        }
        for (int i = 0; i < inputs.length; i++) {
            got[i + 1] = inputs[i].getGradient().toFloatArray();
        }
        return got;
    }

    /** Exactly zero in value (a zeroed negative number is -0.0, which is zero too). */
    private static void assertZero(float value, String what) {
        assertTrue(value == 0f, what + ": " + value);
    }

    private static void assertClose(float[] want, float[] got, float tolerance, String what) {
        assertEquals(want.length, got.length, what);
        float worst = 0;
        for (int i = 0; i < want.length; i++) {
            assertTrue(Float.isFinite(got[i]), what + ": element " + i + " is " + got[i]);
            worst = Math.max(worst, Math.abs(want[i] - got[i]));
        }
        assertTrue(worst <= tolerance, what + " differ by " + worst);
    }

    @Test
    void equalsTheElementWiseFormulationInValuesAndGradientsOnEveryAxis() {
        Random rng = new Random(3);
        for (int axis : new int[] {-1, 1}) {
            NDArray valid = randomMask(rng, B, L, L);
            if (axis == 1) {
                valid = valid.transpose(0, 2, 1).duplicate();   // keys along axis 1
            }
            NDArray weights = gaussian(rng, 1, B, L, L);
            float[] scores = gaussian(rng, 4, B, L, L).toFloatArray();
            float[][][] runs = new float[2][][];
            for (int r = 0; r < 2; r++) {
                boolean fused = r == 1;
                NDArray mask = valid;
                int ax = axis;
                runs[r] = valuesAndGradients(new NDArray[] {manager.create(scores, new Shape(B, L, L))}, weights,
                        in -> fused ? SparseAttention.maskedSoftmax(in[0], mask, ax) : reference(in[0], mask, ax));
            }
            float[][] got = runs[1];
            assertClose(runs[0][0], got[0], 1e-6f, "weights, axis " + axis);
            assertClose(runs[0][1], got[1], 1e-6f, "score gradients, axis " + axis);
            float[] m = valid.toFloatArray();
            for (int i = 0; i < m.length; i++) {
                if (m[i] == 0f) {
                    assertZero(got[0][i], "masked weight " + i);
                    assertZero(got[1][i], "masked score's gradient " + i);
                }
            }
        }
    }

    @Test
    void theSparsePathsPerQueryBlocksAgreeToo() {
        Random rng = new Random(8);
        int groups = 40;
        int kmax = 9;
        NDArray valid = randomMask(rng, groups, 1, kmax);
        NDArray weights = gaussian(rng, 1, groups, 1, kmax);
        float[] scores = gaussian(rng, 4, groups, 1, kmax).toFloatArray();
        float[][][] runs = new float[2][][];
        for (int r = 0; r < 2; r++) {
            boolean fused = r == 1;
            runs[r] = valuesAndGradients(new NDArray[] {manager.create(scores, new Shape(groups, 1, kmax))}, weights,
                    in -> fused ? SparseAttention.maskedSoftmax(in[0], valid, -1) : reference(in[0], valid, -1));
        }
        assertClose(runs[0][0], runs[1][0], 1e-6f, "weights");
        assertClose(runs[0][1], runs[1][1], 1e-6f, "score gradients");
    }

    @Test
    void denseAttentionMatchesTheElementWiseFormulationAndEmptyRowsAreExactlyZero() {
        Random rng = new Random(11);
        NDArray valid = randomMask(rng, B, L, L);
        NDArray weights = gaussian(rng, 1, B, L, D);
        float[][] inputs = {gaussian(rng, 1.5, B, L, N).toFloatArray(), gaussian(rng, 1.5, B, L, N).toFloatArray(),
                gaussian(rng, 1, B, L, D).toFloatArray()};
        Shape[] shapes = {new Shape(B, L, N), new Shape(B, L, N), new Shape(B, L, D)};
        float[][][] runs = new float[2][][];
        for (int r = 0; r < 2; r++) {
            boolean fused = r == 1;
            NDArray[] in = new NDArray[3];
            for (int i = 0; i < 3; i++) {
                in[i] = manager.create(inputs[i], shapes[i]);
            }
            runs[r] = valuesAndGradients(in, weights, a -> fused ? SparseAttention.dense(a[0], a[1], a[2], valid)
                    : reference(a[0].batchMatMul(a[1].transpose(0, 2, 1)), valid, -1).batchMatMul(a[2]));
        }
        String[] names = {"output", "dQ", "dK", "dV"};
        for (int i = 0; i < names.length; i++) {
            assertClose(runs[0][i], runs[1][i], 1e-5f, names[i]);
        }
        float[] m = valid.toFloatArray();
        float[] out = runs[1][0];
        float[] dq = runs[1][1];
        int emptyRows = 0;
        for (int row = 0; row < B * L; row++) {
            boolean empty = true;
            for (int j = 0; j < L; j++) {
                empty &= m[row * L + j] == 0f;
            }
            if (empty) {
                emptyRows++;
                for (int d = 0; d < D; d++) {
                    assertZero(out[row * D + d], "row " + row + " reads no key");
                }
                for (int n = 0; n < N; n++) {
                    assertZero(dq[row * N + n], "no gradient reaches the query of empty row " + row);
                }
            }
        }
        assertTrue(emptyRows >= L, "the test needs empty rows, got " + emptyRows);
        float last = 0;
        for (int i = (B - 1) * L * N; i < B * L * N; i++) {
            last = Math.max(last, Math.abs(runs[1][2][i]));
        }
        assertEquals(0f, last, "a fully masked sequence sends no gradient to its keys");
    }

    @Test
    void positionalAndCausalMasksAreTheBiasOfTheirRule() {
        SelectionInput[] in = {SelectionInput.fixed(L), SelectionInput.fixed(L)};
        DilatedPattern dilated = new DilatedPattern(8, 4);   // queries 0..6 read no key
        SoftmaxMask host = SoftmaxMask.of(manager, dilated, in);
        SoftmaxMask device = SoftmaxMask.of(SoftmaxMask.denseMask(manager, dilated, in), -1);
        assertEquals(0f, host.bias().sub(device.bias()).abs().max().getFloat());
        assertEquals(0f, host.hasKey().sub(device.hasKey()).abs().max().getFloat());
        assertEquals(0f, host.hasKey().get(":, 0:7, :").sum().getFloat());
        assertEquals(7f, host.emptyRows().get(0).sum().getFloat());
        assertEquals(new Shape(2, L), host.emptyRows().getShape());

        SoftmaxMask window = SoftmaxMask.of(manager, new FullPattern(), in);
        assertNull(window.hasKey(), "every query reads itself: no row flags");
        assertNull(window.emptyRows());
        int start = 5;
        int rows = 7;
        SoftmaxMask causal = SoftmaxMask.causal(manager, start, rows, start + rows);
        assertNull(causal.hasKey());
        NDArray want = window.bias().get("0:1, " + start + ":" + (start + rows) + ", 0:" + (start + rows));
        assertEquals(0f, causal.bias().sub(want).abs().max().getFloat());
    }
}
