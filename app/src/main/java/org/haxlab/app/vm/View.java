package org.haxlab.app.vm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The window's inspection views, in tab order. The id is what scenario files ({@code view.tab}), the
 * {@code --tab} option and the {@code snapshot} command name a view by; the title is the tab's text.
 */
public enum View {
    /** The L x L matrix of selected keys and the token strip. */
    SELECTION("selection", "Selected keys"),
    /** LSH buckets of queries and keys (spec §3). */
    BUCKETS("buckets", "Buckets"),
    /** Per-step decay and retention of the SSM state (spec §2). */
    DECAY("decay", "Decay"),
    /** Every query with its answer and why it was missed. */
    DIAGNOSIS("diagnosis", "Diagnosis"),
    /** Keys per query by component and budget use. */
    SPARSITY("sparsity", "Sparsity"),
    /** Accuracy over many generated sequences, broken down by failure reason, table size and distance. */
    SLICING("slicing", "Slicing"),
    /** Accuracy against table size with the capacity bound (spec §1). */
    CAPACITY("capacity", "Capacity"),
    /** Two to four models on the same sequence. */
    COMPARE("compare", "Compare");

    private final String id;
    private final String title;

    View(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The id used in files and on the command line. */
    public String id() {
        return id;
    }

    /** The tab's title (short: eight tabs fit a 1280 px window; the tooltip says more). */
    public String title() {
        return title;
    }

    /** Every id, in tab order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(View::id).toList();
    }

    /**
     * The view with id {@code id} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown id and the valid ones
     */
    public static View of(String id) {
        if (id != null) {
            String wanted = id.trim().toLowerCase(Locale.ROOT);
            for (View v : values()) {
                if (v.id.equals(wanted)) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException("no view '" + id + "': the views are " + String.join(", ", ids()));
    }

    @Override
    public String toString() {
        return id;
    }
}
