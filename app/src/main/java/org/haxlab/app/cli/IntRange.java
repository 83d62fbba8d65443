package org.haxlab.app.cli;

import picocli.CommandLine;

/**
 * An inclusive range typed as {@code N} or {@code MIN..MAX} on the command line (e.g. {@code --contexts 5..16}).
 *
 * @param min smallest value
 * @param max largest value
 */
public record IntRange(int min, int max) {

    /** Parses {@code N} or {@code MIN..MAX}. */
    public static IntRange parse(String text) {
        String s = text.strip();
        int dots = s.indexOf("..");
        try {
            if (dots < 0) {
                int n = Integer.parseInt(s);
                return new IntRange(n, n);
            }
            int min = Integer.parseInt(s.substring(0, dots).strip());
            int max = Integer.parseInt(s.substring(dots + 2).strip());
            if (min > max) {
                throw new IllegalArgumentException("range " + text + " runs backwards: write MIN..MAX");
            }
            return new IntRange(min, max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number or a range MIN..MAX");
        }
    }

    /** Picocli converter, so a bad range becomes a usage error naming the option. */
    static final class Converter implements CommandLine.ITypeConverter<IntRange> {
        @Override
        public IntRange convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }
}
