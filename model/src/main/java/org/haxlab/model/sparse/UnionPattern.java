package org.haxlab.model.sparse;

import org.haxlab.model.trace.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern made of several components (spec §3: +A, +SW+D, +HAX): a query reads a key when any
 * part selects it; the key then carries every selecting part's bit.
 */
public final class UnionPattern implements SelectionPattern {

    private final List<SelectionPattern> parts;

    /** The union of {@code parts} (at least one). */
    public UnionPattern(List<SelectionPattern> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("union pattern: needs at least one part");
        }
        this.parts = List.copyOf(parts);
    }

    /** The parts, in order. */
    public List<SelectionPattern> parts() {
        return parts;
    }

    @Override
    public List<Component> components() {
        List<Component> out = new ArrayList<>();
        parts.forEach(p -> out.addAll(p.components()));
        return List.copyOf(out);
    }

    @Override
    public int capacity(int length) {
        int c = 0;
        for (SelectionPattern p : parts) {
            c += p.capacity(length);
        }
        return Math.min(c, length);
    }

    @Override
    public SelectedKeys select(SelectionInput input) {
        SelectedKeys out = parts.get(0).select(input);
        for (int p = 1; p < parts.size(); p++) {
            out = SelectedKeys.union(out, parts.get(p).select(input));
        }
        return out;
    }

    @Override
    public boolean[] ruleMask(SelectionInput input) {
        boolean[] out = parts.get(0).ruleMask(input);
        for (int p = 1; p < parts.size(); p++) {
            boolean[] m = parts.get(p).ruleMask(input);
            for (int e = 0; e < out.length; e++) {
                out[e] |= m[e];
            }
        }
        return out;
    }

    @Override
    public boolean positional() {
        return parts.stream().allMatch(SelectionPattern::positional);
    }
}
