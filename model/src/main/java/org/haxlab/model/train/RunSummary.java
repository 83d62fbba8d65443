package org.haxlab.model.train;

/**
 * How a run ended.
 *
 * @param state          FINISHED, STOPPED, DIVERGED or FAILED
 * @param steps          steps completed (updates applied)
 * @param lastLoss       total loss of the last completed step (NaN when none)
 * @param lastAccuracy   training accuracy of the last completed step (NaN when none)
 * @param bestValAccuracy best validation accuracy (NaN when never validated)
 * @param bestStep       step of the best validation (0 when never validated)
 * @param elapsedSeconds time spent stepping (pauses excluded)
 * @param message        why it ended when not FINISHED (divergence diagnosis, error), else null
 */
public record RunSummary(RunState state, int steps, double lastLoss, double lastAccuracy, double bestValAccuracy,
                         int bestStep, double elapsedSeconds, String message) {
}
