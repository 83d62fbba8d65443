package org.haxlab.app.vm.slicing;

/**
 * One query of one generated sequence, to open in the window.
 *
 * @param text  the sequence in the text form
 * @param query the query position (0-based, BOS = 0)
 */
public record SliceExample(String text, int query) {

    public SliceExample {
        if (text == null || text.isBlank() || query < 0) {
            throw new IllegalArgumentException("a slice example needs a sequence and a query position >= 0");
        }
    }
}
