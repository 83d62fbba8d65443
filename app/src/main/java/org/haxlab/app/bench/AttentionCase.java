package org.haxlab.app.bench;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig.AttentionPath;

/**
 * One attention measurement: a pattern at a length on one execution path (docs/BENCHMARKS.md).
 *
 * @param pattern a pattern with an attention branch (not {@code ssm})
 * @param length  sequence length L
 * @param path    {@link AttentionPath#DENSE} or {@link AttentionPath#SPARSE}
 */
public record AttentionCase(Pattern pattern, int length, AttentionPath path) {

    public AttentionCase {
        if (pattern == null || !pattern.hasAttention()) {
            throw new IllegalArgumentException("attention case: pattern " + (pattern == null ? "null" : pattern.id())
                    + " has no attention branch to time");
        }
        if (length < 1) {
            throw new IllegalArgumentException("attention case: length " + length + " must be >= 1");
        }
        if (path != AttentionPath.DENSE && path != AttentionPath.SPARSE) {
            throw new IllegalArgumentException("attention case: path must be dense or sparse, got " + path);
        }
    }

    /** "dense" or "sparse", as in the CSV. */
    public String pathName() {
        return path == AttentionPath.DENSE ? "dense" : "sparse";
    }

    /** Parses "dense" or "sparse". */
    public static AttentionPath parsePath(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "dense" -> AttentionPath.DENSE;
            case "sparse" -> AttentionPath.SPARSE;
            default -> throw new IllegalArgumentException("unknown path '" + text + "' (expected dense or sparse)");
        };
    }
}
