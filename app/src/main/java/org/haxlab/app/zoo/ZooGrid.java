package org.haxlab.app.zoo;

/**
 * A task grid: tables of {@code minContexts..maxContexts} contexts times {@code minKeys..maxKeys} keys
 * (spec §1).
 *
 * @param minContexts fewest contexts (at least 1)
 * @param maxContexts most contexts
 * @param minKeys     fewest keys per context (at least 1)
 * @param maxKeys     most keys per context
 */
public record ZooGrid(int minContexts, int maxContexts, int minKeys, int maxKeys) {

    public ZooGrid {
        if (minContexts < 1 || minContexts > maxContexts) {
            throw new IllegalArgumentException("contexts " + minContexts + ".." + maxContexts
                    + " must be a range MIN..MAX with MIN >= 1");
        }
        if (minKeys < 1 || minKeys > maxKeys) {
            throw new IllegalArgumentException("keys " + minKeys + ".." + maxKeys + " must be a range MIN..MAX with MIN >= 1");
        }
    }

    /**
     * Parses {@code N} or {@code MIN..MAX} for contexts and keys.
     *
     * @throws IllegalArgumentException naming the text that is not a range
     */
    public static ZooGrid parse(String contexts, String keys) {
        int[] c = range(contexts, "contexts");
        int[] k = range(keys, "keys");
        return new ZooGrid(c[0], c[1], k[0], k[1]);
    }

    private static int[] range(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing: write N or MIN..MAX");
        }
        String s = text.strip();
        int dots = s.indexOf("..");
        try {
            int min = Integer.parseInt((dots < 0 ? s : s.substring(0, dots)).strip());
            int max = dots < 0 ? min : Integer.parseInt(s.substring(dots + 2).strip());
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not N or MIN..MAX");
        }
    }

    /** True when this grid lies inside {@code other}. */
    public boolean within(ZooGrid other) {
        return minContexts >= other.minContexts && maxContexts <= other.maxContexts && minKeys >= other.minKeys
                && maxKeys <= other.maxKeys;
    }

    /** "4..6 x 4..6". */
    @Override
    public String toString() {
        return range(minContexts, maxContexts) + " x " + range(minKeys, maxKeys);
    }

    private static String range(int min, int max) {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }
}
