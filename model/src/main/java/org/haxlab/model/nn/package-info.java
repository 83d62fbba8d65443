/**
 * The neural network of spec §2: Mamba-1 and Mamba-2 mixers (with the sparse branch of spec §3 added
 * where the spec puts it), their scans, the residual blocks and the whole model {@link org.haxlab.model.nn.HaxModel}.
 *
 * <h2>Weight names</h2>
 * These are the names in {@link org.haxlab.model.nd.Params}, in creation order; they are also the
 * checkpoint (npz) names. Linear weights use PyTorch's (out, in) layout; conv weights are (C, K),
 * PyTorch's (C, 1, K) without the middle axis. Initial values under {@link org.haxlab.model.nd.InitScheme#RELEASED}
 * (the default for new models, spec §5) / {@link org.haxlab.model.nd.InitScheme#TORCH} (the first scheme);
 * U(b) is U(-b, b), "lin" a Linear weight: N(0, 0.1) / U(1/sqrt(fan_in)).
 * <pre>
 * embedding                         (vocab, d_model)      N(0, 0.1) / N(0, 0.02); also the tied output matrix
 * layers.{i}.norm                   (d_model)             pre-norm RMSNorm weight, 1
 * -- Mamba-1 mixer, prefix layers.{i}.mixer.
 * in_proj                           (2 d_inner, d_model)  -> (x, z); lin
 * conv_weight, conv_bias            (d_inner, K), (d_inner); U(1/sqrt(K)) in both schemes
 * x_proj                            (dt_rank + 2N, d_inner) -> (dt, B, C); lin
 * dt_proj, dt_bias                  (d_inner, dt_rank), (d_inner); U(dt_rank^-0.5); softplus(dt_bias) log-uniform in [0.001, 0.1]
 * A_log                             (d_inner, N)          log(1..N) per channel
 * D                                 (d_inner)             1
 * out_proj                          (d_model, d_inner)    N(0, 0.1) / U(1/sqrt(d_inner)) / sqrt(layers)
 * -- Mamba-2 mixer, prefix layers.{i}.mixer.
 * in_proj                           (2 d_inner + 2N + heads, d_model) -> (z, xBC, dt); lin
 * conv_weight, conv_bias            (d_inner + 2N, K), (d_inner + 2N); N(0, 0.1) and 0 / U(1/sqrt(K))
 * dt_bias                           (heads)               softplus log-uniform in [0.001, 0.1]
 * A_log                             (heads)               log(1..heads) / log U(1, 16)
 * D                                 (heads)               1
 * norm                              (d_inner)             gated RMSNorm weight, 1
 * out_proj                          (d_model, d_inner)    U(1/sqrt(d_inner)) / sqrt(layers) in both schemes
 * -- sparse branch (pattern != NONE), prefix layers.{i}.mixer.attn. (owned by SparseBranch)
 * w_xx, gate_e, ks.*                W_xx and the KS MLP lin, biases 0 / U(1/sqrt(fan_in)); E = 1
 * norm_f                            (d_model)             final RMSNorm weight, 1
 * </pre>
 * All of these are drawn from {@code new java.util.Random(config.initSeed())} in the order above (arrays
 * that the scheme fixes draw nothing); each layer's branch uses its own generator derived from the seed and
 * the layer index.
 *
 * <h2>Scans</h2>
 * {@link org.haxlab.model.nn.SelectiveScan} (Mamba-1) and {@link org.haxlab.model.nn.SsdScan} (Mamba-2) are
 * exact, vectorised versions of the per-token recurrences; the tests hold them to those recurrences.
 * The causal depthwise conv is written as shifted multiply-adds ({@link org.haxlab.model.nn.Layers#causalConv}),
 * never a library convolution.
 *
 * <h2>Arrays that autograd may save</h2>
 * Code that can run under a gradient collector (here, in {@code sparse} and in the trainer's loss) never
 * writes {@code x.mul(2f)} or {@code manager.create(float[])}: DJL 0.33 backs both with a Java direct buffer
 * that the garbage collector may free while the graph still holds the tensor, and the backward then reads
 * freed memory (random or NaN gradients). It uses {@link org.haxlab.model.nd.Scalars} and
 * {@link org.haxlab.model.nd.HostArrays}, whose arrays own engine memory.
 */
package org.haxlab.model.nn;
