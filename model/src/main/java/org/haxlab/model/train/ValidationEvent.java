package org.haxlab.model.train;

/**
 * One validation on the held-out split.
 *
 * @param step         the step after which it ran
 * @param loss         masked cross-entropy (no gate loss) over all held-out queries
 * @param accuracy     per-sample accuracy averaged over the held-out sequences
 * @param best         true when this accuracy is the best so far (a new best checkpoint)
 * @param bestAccuracy best validation accuracy so far, this one included
 * @param bestStep     step of {@code bestAccuracy}
 */
public record ValidationEvent(int step, double loss, double accuracy, boolean best, double bestAccuracy, int bestStep) {
}
