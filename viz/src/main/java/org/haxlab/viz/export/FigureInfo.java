package org.haxlab.viz.export;

import java.util.function.IntFunction;

/**
 * What an exported figure says about itself, so that a PNG or SVG read on its own (in a slide, a
 * report, an issue) names what it shows: a title, the model, the layer and an excerpt of the sequence.
 *
 * @param title    what the figure is, e.g. "Selected keys"
 * @param model    the model's label, e.g. "Mamba-2 +HAX"
 * @param layer    0-based layer, or -1 when the figure is not per layer
 * @param sequence the sequence excerpt as text (see {@link #excerpt}), "" when there is none
 */
public record FigureInfo(String title, String model, int layer, String sequence) {
    /** Tokens an excerpt shows at most at each end. */
    public static final int EXCERPT_TOKENS = 24;

    public FigureInfo {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("figure: a title is required");
        }
        model = model == null ? "" : model;
        sequence = sequence == null ? "" : sequence;
    }

    /**
     * The sequence as text, shortened in the middle when longer than 2 x {@link #EXCERPT_TOKENS}
     * tokens, with its length: {@code "22 tokens: <bos> A a 3 ... | B a 1"}.
     */
    public static String excerpt(int[] tokens, IntFunction<String> names) {
        StringBuilder s = new StringBuilder().append(tokens.length).append(tokens.length == 1 ? " token: " : " tokens: ");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens.length > 2 * EXCERPT_TOKENS && i == EXCERPT_TOKENS) {
                s.append("\u2026 ");
                i = tokens.length - EXCERPT_TOKENS;
            }
            s.append(names.apply(tokens[i])).append(i == tokens.length - 1 ? "" : " ");
        }
        return s.toString();
    }

    /** The second header line: model and layer, e.g. {@code "model: Mamba-2 +HAX   layer: 1"}. */
    public String subtitle() {
        String m = model.isEmpty() ? "" : "model: " + model;
        String l = layer < 0 ? "" : "layer: " + layer;
        return m.isEmpty() || l.isEmpty() ? m + l : m + "   " + l;
    }

    /**
     * A file name proposing what the figure is: {@code "selected-keys_mamba-2-hax_layer1.png"}
     * (lower case, runs of other characters as '-').
     */
    public String fileName(String extension) {
        String base = slug(title) + (model.isEmpty() ? "" : "_" + slug(model)) + (layer < 0 ? "" : "_layer" + layer);
        return base + "." + extension;
    }

    private static String slug(String s) {
        String out = s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return out.isEmpty() ? "figure" : out;
    }
}
