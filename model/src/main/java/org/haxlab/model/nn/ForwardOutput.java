package org.haxlab.model.nn;

import ai.djl.ndarray.NDArray;

/**
 * What one forward pass returns.
 *
 * @param logits   (B, L, vocab) next-token logits
 * @param gateLoss scalar: the sum over layers of the KS ranking loss (spec §3); zero when no layer has KS.
 *                 The training loss is LM loss + 0.1 * gateLoss.
 */
public record ForwardOutput(NDArray logits, NDArray gateLoss) {
}
