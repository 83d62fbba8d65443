package org.haxlab.app.cli;

/**
 * Text from input made safe to echo on a terminal: control characters (escape sequences, carriage returns,
 * a byte-order mark) are shown as {@code \\uXXXX} instead of acting on the terminal, and very long text is cut.
 */
public final class Printable {

    /** Longest echoed text, in characters. */
    public static final int MAX_CHARS = 200;

    private Printable() {
    }

    /** {@code text} with control and format characters escaped, cut to {@link #MAX_CHARS} characters. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_CHARS + 16));
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= MAX_CHARS) {
                sb.append("... (").append(text.length() - i).append(" more characters)");
                break;
            }
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean hidden = Character.isISOControl(c) && c != '\n' && c != '\t'
                    || type == Character.FORMAT || type == Character.SURROGATE && !validPair(text, i);
            if (hidden) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
