package org.haxlab.app.vm;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.inspect.SparsitySummary;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.model.trace.SelectedKey;

import java.util.List;

/**
 * What the inspection views show: the current {@link Inspection} and the sequence it ran on, the
 * selected layer, the hovered and the pinned position, the open tab and the zoom; and what follows
 * from them: the layer's {@link LayerInspection}, the keys the active position attended to (for
 * lighting the token strip), the layer's {@link SparsitySummary} and one {@link RecallDiagnosis}
 * per query. The active position is the hovered one, or the pinned one while nothing is hovered.
 *
 * <p>Confined to the FX thread in the app (inspections arrive from the model worker through
 * {@code Platform.runLater}); tests use it from any single thread.
 */
public final class InspectionViewModel {
    /** Smallest zoom of the matrix views. */
    public static final double MIN_ZOOM = 0.125;
    /** Largest zoom of the matrix views. */
    public static final double MAX_ZOOM = 32;

    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<RecallSequence> sequence = new ReadOnlyObjectWrapper<>(this, "sequence");
    private final ReadOnlyIntegerWrapper selectedLayer = new ReadOnlyIntegerWrapper(this, "selectedLayer", 0);
    private final ReadOnlyObjectWrapper<Integer> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final ReadOnlyObjectWrapper<Integer> pinned = new ReadOnlyObjectWrapper<>(this, "pinned");
    private final ReadOnlyObjectWrapper<View> tab = new ReadOnlyObjectWrapper<>(this, "tab", View.SELECTION);
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom", 1.0);
    private final ReadOnlyDoubleWrapper retentionThreshold =
            new ReadOnlyDoubleWrapper(this, "retentionThreshold", RecallDiagnosis.DEFAULT_RETENTION_THRESHOLD);
    private final ReadOnlyObjectWrapper<LayerInspection> currentLayer = new ReadOnlyObjectWrapper<>(this, "currentLayer");
    private final ReadOnlyObjectWrapper<Integer> activePosition = new ReadOnlyObjectWrapper<>(this, "activePosition");
    private final ReadOnlyListWrapper<SelectedKey> activeKeys =
            new ReadOnlyListWrapper<>(this, "activeKeys", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<SparsitySummary> sparsity = new ReadOnlyObjectWrapper<>(this, "sparsity");
    private final ReadOnlyListWrapper<RecallDiagnosis> diagnoses =
            new ReadOnlyListWrapper<>(this, "diagnoses", FXCollections.observableArrayList());

    // ---- commands ----

    /**
     * Shows a new inspection of {@code seq}. The selected layer is kept when the new model has it;
     * hovered and pinned positions are kept when they still lie inside the sequence.
     *
     * @throws IllegalArgumentException when the inspection ran on other tokens
     */
    public void show(Inspection in, RecallSequence seq) {
        if (in == null || seq == null) {
            throw new IllegalArgumentException("an inspection and its sequence are required");
        }
        if (!RecallDiagnosis.ranOn(in, seq)) {
            throw new IllegalArgumentException("the inspection ran on other tokens than this sequence");
        }
        inspection.set(in);
        sequence.set(seq);
        if (selectedLayer.get() >= in.layers().size()) {
            selectedLayer.set(0);
        }
        if (hovered.get() != null && hovered.get() >= seq.length()) {
            hovered.set(null);
        }
        if (pinned.get() != null && pinned.get() >= seq.length()) {
            pinned.set(null);
        }
        diagnose();
        deriveLayer();
    }

    /** Drops the inspection (e.g. when the sequence or the model changed and no new one is ready). */
    public void clear() {
        inspection.set(null);
        sequence.set(null);
        hovered.set(null);
        pinned.set(null);
        diagnoses.clear();
        deriveLayer();
    }

    /** Selects the layer the views show. */
    public void selectLayer(int layer) {
        int n = inspection.get() == null ? Integer.MAX_VALUE : inspection.get().layers().size();
        if (layer < 0 || layer >= n) {
            throw new IllegalArgumentException("layer " + layer + " does not exist: the inspection has layers 0.." + (n - 1));
        }
        selectedLayer.set(layer);
        deriveLayer();
    }

    /** The position under the pointer, or null when the pointer left the sequence. */
    public void hover(Integer position) {
        hovered.set(checkPosition(position));
        deriveActive();
    }

    /** Pins a position (shown while nothing is hovered), or unpins with null. */
    public void pin(Integer position) {
        pinned.set(checkPosition(position));
        deriveActive();
    }

    /** Which view is open. */
    public void selectTab(View view) {
        if (view == null) {
            throw new IllegalArgumentException("a view is required");
        }
        tab.set(view);
    }

    /** Zoom of the matrix views, clamped to {@link #MIN_ZOOM}..{@link #MAX_ZOOM}. */
    public void setZoom(double z) {
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("zoom " + z + " must be a positive number");
        }
        zoom.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
    }

    /** Retention below which the diagnosis says the SSM forgot (in (0, 1)). */
    public void setRetentionThreshold(double t) {
        if (!(t > 0 && t < 1)) {
            throw new IllegalArgumentException("retention threshold " + t + " must lie in (0, 1)");
        }
        retentionThreshold.set(t);
        diagnose();
    }

    // ---- derived ----

    private Integer checkPosition(Integer position) {
        if (position == null) {
            return null;
        }
        RecallSequence s = sequence.get();
        if (position < 0 || (s != null && position >= s.length())) {
            throw new IllegalArgumentException("position " + position + " is outside the sequence (0.."
                    + (s == null ? "?" : s.length() - 1) + ")");
        }
        return position;
    }

    private void diagnose() {
        if (inspection.get() == null) {
            diagnoses.clear();
        } else {
            diagnoses.setAll(RecallDiagnosis.of(inspection.get(), sequence.get(), retentionThreshold.get()));
        }
    }

    private void deriveLayer() {
        Inspection in = inspection.get();
        LayerInspection layer = in == null || in.layers().isEmpty() ? null : in.layers().get(selectedLayer.get());
        currentLayer.set(layer);
        sparsity.set(layer == null || layer.selection() == null ? null
                : SparsitySummary.of(layer.selection(), in.config().sparse()));
        deriveActive();
    }

    private void deriveActive() {
        Integer active = hovered.get() != null ? hovered.get() : pinned.get();
        activePosition.set(active);
        LayerInspection layer = currentLayer.get();
        if (active == null || layer == null || layer.selection() == null || active >= layer.selection().length()) {
            activeKeys.clear();
        } else {
            activeKeys.setAll(layer.selection().of(active));
        }
    }

    /** The diagnosis of the query at {@code position}, or null when it is not a query. */
    public RecallDiagnosis diagnosisAt(int position) {
        for (RecallDiagnosis d : diagnoses) {
            if (d.position() == position) {
                return d;
            }
        }
        return null;
    }

    /** The wrong answers only. */
    public List<RecallDiagnosis> wrong() {
        return diagnoses.stream().filter(d -> !d.correct()).toList();
    }

    // ---- read-only properties ----

    /** The current inspection, or null. */
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** The sequence the inspection ran on, or null. */
    public ReadOnlyObjectProperty<RecallSequence> sequenceProperty() {
        return sequence.getReadOnlyProperty();
    }

    /** The selected layer. */
    public ReadOnlyIntegerProperty selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    /** The hovered position, or null. */
    public ReadOnlyObjectProperty<Integer> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The pinned position, or null. */
    public ReadOnlyObjectProperty<Integer> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** The hovered position, else the pinned one, else null. */
    public ReadOnlyObjectProperty<Integer> activePositionProperty() {
        return activePosition.getReadOnlyProperty();
    }

    /** The open view. */
    public ReadOnlyObjectProperty<View> tabProperty() {
        return tab.getReadOnlyProperty();
    }

    /** The matrix views' zoom. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    /** The diagnosis's forgetting threshold. */
    public ReadOnlyDoubleProperty retentionThresholdProperty() {
        return retentionThreshold.getReadOnlyProperty();
    }

    /** The selected layer's inspection, or null. */
    public ReadOnlyObjectProperty<LayerInspection> currentLayerProperty() {
        return currentLayer.getReadOnlyProperty();
    }

    /** The keys the active position attended to in the selected layer, with components and weights. */
    public ReadOnlyListProperty<SelectedKey> activeKeysProperty() {
        return activeKeys.getReadOnlyProperty();
    }

    /** Keys per query and budget use of the selected layer, or null. */
    public ReadOnlyObjectProperty<SparsitySummary> sparsityProperty() {
        return sparsity.getReadOnlyProperty();
    }

    /** One diagnosis per query, in position order. */
    public ReadOnlyListProperty<RecallDiagnosis> diagnosesProperty() {
        return diagnoses.getReadOnlyProperty();
    }
}
