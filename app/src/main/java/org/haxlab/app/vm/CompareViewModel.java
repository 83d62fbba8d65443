package org.haxlab.app.vm;

import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.AnswerTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two to four models side by side on the same sequence: their slots, their inspections as they
 * arrive, and per query which models got it wrong (for highlighting), plus each model's accuracy.
 */
public final class CompareViewModel {
    /** Fewest models a comparison holds. */
    public static final int MIN_SLOTS = 2;
    /** Most models a comparison holds: SSM, +SW, +KS and +HAX of one backbone fit side by side. */
    public static final int MAX_SLOTS = 4;

    private final ReadOnlyListWrapper<ModelSlot> slots =
            new ReadOnlyListWrapper<>(this, "slots", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<ParsedSequence> sequence = new ReadOnlyObjectWrapper<>(this, "sequence");
    private final ReadOnlyListWrapper<Inspection> inspections =
            new ReadOnlyListWrapper<>(this, "inspections", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<CompareRow> rows =
            new ReadOnlyListWrapper<>(this, "rows", FXCollections.observableArrayList());

    /** A comparison of {@code initial} (2 to 4 slots). */
    public CompareViewModel(List<ModelSlot> initial) {
        if (initial == null || initial.size() < MIN_SLOTS || initial.size() > MAX_SLOTS || initial.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("a comparison holds " + MIN_SLOTS + " to " + MAX_SLOTS + " models, not "
                    + (initial == null ? "none" : initial.size()));
        }
        slots.setAll(initial);
        inspections.setAll(java.util.Collections.nCopies(initial.size(), null));
    }

    // ---- commands ----

    /** Replaces slot {@code i}; its inspection is dropped (it belonged to the old model). */
    public void setSlot(int i, ModelSlot slot) {
        checkIndex(i);
        if (slot == null) {
            throw new IllegalArgumentException("slot " + i + ": a model is required");
        }
        slots.set(i, slot);
        inspections.set(i, null);
        derive();
    }

    /** Adds a model (a third or a fourth). */
    public void addSlot(ModelSlot slot) {
        if (slots.size() >= MAX_SLOTS) {
            throw new IllegalStateException("a comparison holds at most " + MAX_SLOTS + " models");
        }
        if (slot == null) {
            throw new IllegalArgumentException("a model is required");
        }
        slots.add(slot);
        inspections.add(null);
        derive();
    }

    /** Removes slot {@code i} while more than {@link #MIN_SLOTS} remain. */
    public void removeSlot(int i) {
        checkIndex(i);
        if (slots.size() <= MIN_SLOTS) {
            throw new IllegalStateException("a comparison needs at least " + MIN_SLOTS + " models");
        }
        slots.remove(i);
        inspections.remove(i);
        derive();
    }

    /** The sequence every model runs; drops all inspections. */
    public void setSequence(ParsedSequence parsed) {
        sequence.set(parsed);
        for (int i = 0; i < inspections.size(); i++) {
            inspections.set(i, null);
        }
        derive();
    }

    /**
     * The inspection of slot {@code i} arrived.
     *
     * @throws IllegalArgumentException when it ran on other tokens than the current sequence
     */
    public void setInspection(int i, Inspection in) {
        checkIndex(i);
        RecallSequence s = sequence.get() == null ? null : sequence.get().sequence();
        if (in != null && (s == null || !RecallDiagnosis.ranOn(in, s))) {
            throw new IllegalArgumentException("slot " + i + ": the inspection ran on other tokens than the compared sequence");
        }
        inspections.set(i, in);
        derive();
    }

    // ---- derived ----

    private void derive() {
        ParsedSequence p = sequence.get();
        if (p == null) {
            rows.clear();
            return;
        }
        List<Map<Integer, Integer>> byPosition = new ArrayList<>();
        for (Inspection in : inspections) {
            Map<Integer, Integer> m = new HashMap<>();
            if (in != null) {
                for (QueryPrediction q : in.predictions()) {
                    m.put(q.position(), q.predicted());
                }
            }
            byPosition.add(m);
        }
        List<CompareRow> out = new ArrayList<>();
        for (AnswerTable.Answer a : p.answers().answers()) {
            List<Integer> predicted = new ArrayList<>();
            for (Map<Integer, Integer> m : byPosition) {
                predicted.add(m.get(a.position()));
            }
            out.add(new CompareRow(a.position(), a.question(), a.value(), predicted));
        }
        rows.setAll(out);
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= slots.size()) {
            throw new IllegalArgumentException("slot " + i + " does not exist (0.." + (slots.size() - 1) + ")");
        }
    }

    /** Accuracy of slot {@code i} on the sequence, NaN before its inspection arrives. */
    public double accuracy(int i) {
        checkIndex(i);
        Inspection in = inspections.get(i);
        return in == null ? Double.NaN : in.accuracy();
    }

    /** Slots that got the query at {@code position} wrong (empty when none, or not a query). */
    public List<Integer> wrongAt(int position) {
        for (CompareRow r : rows) {
            if (r.position() == position) {
                return r.wrongSlots();
            }
        }
        return List.of();
    }

    // ---- read-only properties ----

    /** The compared models. */
    public ReadOnlyListProperty<ModelSlot> slotsProperty() {
        return slots.getReadOnlyProperty();
    }

    /** The shared sequence, or null. */
    public ReadOnlyObjectProperty<ParsedSequence> sequenceProperty() {
        return sequence.getReadOnlyProperty();
    }

    /** Per slot, its inspection or null. */
    public ReadOnlyListProperty<Inspection> inspectionsProperty() {
        return inspections.getReadOnlyProperty();
    }

    /** One row per query of the sequence. */
    public ReadOnlyListProperty<CompareRow> rowsProperty() {
        return rows.getReadOnlyProperty();
    }
}
