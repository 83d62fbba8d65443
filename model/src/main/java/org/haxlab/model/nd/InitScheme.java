package org.haxlab.model.nd;

import java.util.Locale;

/**
 * How a new model's weights are drawn (spec §5, initialisation). Both schemes draw on the host from the
 * model's {@code java.util.Random(initSeed)}, so a seed gives the same weights on every device.
 *
 * <ul>
 *   <li>{@link #RELEASED} (the default for new models): the released configs' {@code initializer_range 0.1}.
 *       Embedding and every Linear weight (in_proj, x_proj, Mamba-1 out_proj, the branch's W_xx, the KS MLP)
 *       N(0, 0.1) with zero biases; Mamba-2 conv weights N(0, 0.1) with zero bias, Mamba-1's conv keeps
 *       PyTorch's default (the released Mamba-1 init resets it); Mamba-2 A = 1..heads (A_log = log A);
 *       Mamba-2 out_proj U(+-1/sqrt(d_inner)) / sqrt(layers) (its {@code rescale_prenorm_residual});
 *       dt, D, E = 1 and Mamba-1's A as the Mamba code.</li>
 *   <li>{@link #TORCH}: HAX Lab's first scheme, PyTorch's layer defaults (Linear and conv U(+-1/sqrt(fan_in)),
 *       biases likewise), embedding N(0, 0.02), Mamba-2 A ~ U(1, 16), every out_proj rescaled by
 *       1/sqrt(layers). Checkpoints written before the choice existed record no scheme and read as this one.</li>
 * </ul>
 */
public enum InitScheme {
    /** PyTorch's layer defaults (HAX Lab's first scheme; what older checkpoints were trained from). */
    TORCH,
    /** The released configs' scheme (initializer_range 0.1). */
    RELEASED;

    /** The released configs' {@code initializer_range}: std of the normal draws of {@link #RELEASED}. */
    public static final double INITIALIZER_RANGE = 0.1;

    /** The command-line and file name: {@code torch} or {@code released}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code torch} or {@code released} (any case).
     *
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static InitScheme parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (InitScheme s : values()) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown initialisation '" + name + "' (expected torch or released)");
    }
}
