package org.haxlab.app.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.app.vm.ModelBarViewModel;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;

import java.util.ArrayList;
import java.util.List;

/**
 * The model bar: backbone, pattern and budget always; hash bits, LSH rule, LSH variant, attention
 * path and the Base (2x dim) baseline only outside classroom mode; device and layer; and the reason
 * when the combination is not a valid model, on a line of its own under the tool bar so that it is
 * never hidden in the tool bar's overflow menu.
 */
public final class ModelBar extends VBox {
    private final List<Node> advanced = new ArrayList<>();
    private final Label error = new Label();
    private final ToolBar toolBar = new ToolBar();

    /** A bar bound to {@code vm}. */
    public ModelBar(ModelBarViewModel vm) {
        var backbone = Controls.choice(Backbone.values(), vm.backboneProperty(), vm::setBackbone, Backbone::label,
                "Mamba-1: per-channel, per-state decay; Mamba-2: one scalar decay per head (spec §2)");
        var pattern = Controls.choice(Pattern.values(), vm.patternProperty(), vm::setPattern,
                p -> p == Pattern.NONE ? "SSM only" : p.label().replace("+", ""),
                Tooltips.patterns());
        pattern.setId("modelBarPattern");
        var budget = Controls.spinner(1, 2048, vm.budgetProperty(), vm::setBudget,
                Tooltips.BUDGET);
        var hashBits = Controls.spinner(1, 64, vm.hashBitsProperty(), vm::setHashBits,
                Tooltips.HASH_BITS);
        var rule = Controls.choice(SparseConfig.LshRule.values(), vm.lshRuleProperty(), vm::setLshRule,
                r -> r == SparseConfig.LshRule.SIGN_BITS ? "sign bits" : "argmax", Tooltips.LSH_RULE);
        var variant = Controls.choice(SparseConfig.Variant.values(), vm.variantProperty(), vm::setVariant,
                v -> v == SparseConfig.Variant.CAUSAL ? "causal" : "paper code",
                "Causal: running prefix mean, per-token normalisation. Paper code: centring along the whole sequence,"
                        + " so a bin can depend on later tokens (spec §3)");
        var path = Controls.choice(SparseConfig.AttentionPath.values(), vm.pathProperty(), vm::setPath,
                p -> p.name().toLowerCase(java.util.Locale.ROOT),
                "Dense L x L masked softmax (reference) or a gather of the selected keys; auto picks by length");
        CheckBox base2x = Controls.tip(new CheckBox("Base 2x"),
                "The paper's Base (2x dim) baseline: d_model doubled, no sparse branch");
        base2x.setSelected(vm.base2xProperty().get());
        base2x.selectedProperty().addListener((o, was, now) -> vm.setBase2x(now));
        vm.base2xProperty().addListener((o, was, now) -> base2x.setSelected(now));
        pattern.disableProperty().bind(vm.base2xProperty());
        budget.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.base2xProperty().get() || !vm.patternProperty().get().hasAttention(),
                vm.base2xProperty(), vm.patternProperty()));
        var device = Controls.choice(DeviceChoice.windowChoices().toArray(new DeviceChoice[0]), vm.deviceProperty(), vm::setDevice, DeviceChoice::label, "");
        device.getTooltip().textProperty().bind(Bindings.createStringBinding(
                () -> "CPU always; GPU: " + (vm.gpuAvailableProperty().get() ? "available, " : "not available, ")
                        + vm.gpuReasonProperty().get(), vm.gpuAvailableProperty(), vm.gpuReasonProperty()));
        Spinner<Integer> layer = Controls.spinner(0, Math.max(0, vm.layersProperty().get() - 1),
                vm.selectedLayerProperty(), vm::selectLayer, Tooltips.LAYER);
        vm.layersProperty().addListener((o, was, now) -> ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory)
                layer.getValueFactory()).setMax(Math.max(0, now.intValue() - 1)));
        CheckBox classroom = Controls.tip(new CheckBox("Classroom"),
                "Hide the advanced knobs: hash bits, LSH rule, variant, path and Base 2x");
        classroom.setSelected(vm.classroomProperty().get());
        classroom.selectedProperty().addListener((o, was, now) -> vm.setClassroom(now));
        vm.classroomProperty().addListener((o, was, now) -> classroom.setSelected(now));
        error.textProperty().bind(vm.errorProperty());
        error.setTextFill(Color.web("#d32f2f"));
        error.setTooltip(new Tooltip());
        error.getTooltip().textProperty().bind(vm.errorProperty());

        Label bitsLabel = Controls.tip(new Label("h"), Tooltips.HASH_BITS);
        Separator advancedStart = new Separator();
        advanced.addAll(List.of(advancedStart, bitsLabel, hashBits, rule, variant, path, base2x));
        for (Node n : advanced) {
            n.visibleProperty().bind(vm.classroomProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        toolBar.getItems().addAll(backbone, pattern, Controls.tip(new Label("k"), Tooltips.BUDGET), budget, advancedStart, bitsLabel, hashBits, rule,
                variant, path, base2x, new Separator(), device, Controls.tip(new Label("layer"), Tooltips.LAYER), layer, classroom);
        error.setPadding(new javafx.geometry.Insets(2, 8, 2, 8));
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(toolBar, error);
    }

    /** The tool bar holding the controls. */
    public ToolBar toolBar() {
        return toolBar;
    }

    /** The controls classroom mode hides. */
    public List<Node> advancedControls() {
        return List.copyOf(advanced);
    }

    /** The label that says why the knobs do not make a model. */
    public Label errorLabel() {
        return error;
    }
}
