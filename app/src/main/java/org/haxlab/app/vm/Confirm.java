package org.haxlab.app.vm;

/**
 * Asks the user to choose between going ahead with a change that would discard something they made (a
 * trained model in view, a run under way) and keeping it. The window answers with a dialog; tests and
 * headless tools answer directly, so no modal dialog ever blocks them.
 */
@FunctionalInterface
public interface Confirm {

    /** Always goes ahead (the behaviour of a view model nobody gave a dialog). */
    Confirm GO_AHEAD = q -> true;

    /** Never goes ahead. */
    Confirm KEEP = q -> false;

    /**
     * @return true for {@link Question#goAhead()}, false for {@link Question#keep()} (or a dialog closed
     *         without an answer: nothing is discarded unless the user said so)
     */
    boolean ask(Question question);

    /**
     * One question.
     *
     * @param title    window title
     * @param header   the question itself, e.g. "Replace the trained model with an untrained Mamba-2 +HAX?"
     * @param detail   what each answer does
     * @param goAhead  the button that makes the change, e.g. "Replace"
     * @param keep     the button that keeps what is there, e.g. "Keep"
     */
    record Question(String title, String header, String detail, String goAhead, String keep) {
    }
}
