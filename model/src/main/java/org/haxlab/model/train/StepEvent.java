package org.haxlab.model.train;

/**
 * What one optimiser step did (a fact, sent after the step's update).
 *
 * @param step        1-based step number
 * @param loss        total loss: masked cross-entropy + gate weight x gate loss
 * @param lmLoss      masked cross-entropy at the query positions (mean over queried positions)
 * @param gateLoss    the model's gate (KS ranking) loss, unweighted
 * @param accuracy    per-sample accuracy over queried positions, averaged over the batch (spec §1)
 * @param learningRate rate used for this step
 * @param gradNorm    global gradient norm before clipping
 * @param tokensPerSecond non-pad tokens of the batch divided by the step's wall time
 * @param wallMillis  the step's wall time
 * @param elapsedSeconds seconds since the run started (pauses excluded)
 * @param validation  the validation made right after this step, or null
 */
public record StepEvent(int step, double loss, double lmLoss, double gateLoss, double accuracy, double learningRate,
                        double gradNorm, double tokensPerSecond, double wallMillis, double elapsedSeconds,
                        ValidationEvent validation) {
}
