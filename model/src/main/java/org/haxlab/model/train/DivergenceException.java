package org.haxlab.model.train;

/**
 * The loss or a gradient became NaN or infinite. The message says what diverged, at which step,
 * and what to try; the trainer has restored the last good weights before this is reported.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int step;
    private final String what;

    /**
     * @param step         the 1-based step at which it diverged
     * @param what         {@code loss}, {@code gradient of 'NAME'} or {@code weight 'NAME'}
     * @param value        the non-finite value seen
     * @param learningRate the rate of that step (the message suggests a third of it)
     */
    public DivergenceException(int step, String what, double value, double learningRate) {
        this(step, what, value, learningRate, Double.NaN);
    }

    /**
     * @param step         the 1-based step at which it diverged
     * @param what         {@code loss}, {@code gradient of 'NAME'} or {@code weight 'NAME'}
     * @param value        the non-finite value seen
     * @param learningRate the rate of that step (the message suggests a third of it)
     * @param clipNorm     the gradient-norm clip of the run, 0 = off (the message suggests turning it on, or a
     *                     tighter one, never the clip that was already on); NaN when unknown
     */
    public DivergenceException(int step, String what, double value, double learningRate, double clipNorm) {
        super("training diverged at step " + step + ": " + what + " is " + value
                + " (learning rate " + learningRate + "); kept the last good weights."
                + " Try a lower learning rate (e.g. " + (learningRate / 3) + "), "
                + (Double.isNaN(clipNorm) ? "gradient clipping (--clip, tighter if it was on)"
                        : clipNorm > 0 ? "a tighter gradient clip (--clip " + clipNorm / 4 + ", it was " + clipNorm + ")"
                        : "gradient clipping (--clip 1.0)")
                + " or a longer warm-up.");
        this.step = step;
        this.what = what;
    }

    /** The 1-based step at which it diverged. */
    public int step() {
        return step;
    }

    /** What diverged: {@code loss}, {@code gradient of 'NAME'} or {@code weight 'NAME'}. */
    public String what() {
        return what;
    }
}
