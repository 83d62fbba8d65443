package org.haxlab.app.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TableRow;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.app.vm.ModelBarViewModel;
import org.haxlab.app.vm.SequenceViewModel;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the panes headless (Monocle) and checks they follow and drive their view models. */
@ExtendWith(FxExtension.class)
class PanesTest {

    private static void show(Parent root) {
        new Scene(root, 1200, 700);
        root.applyCss();
        root.layout();
    }

    @Test
    void sequencePanelShowsErrorsSelectsThemAndFillsTheAnswerTable() {
        SequenceViewModel vm = new SequenceViewModel(() -> 5L);
        onFx(() -> {
            SequencePanel panel = new SequencePanel(vm);
            show(panel);
            panel.textArea().setText("A a 3 b 2 | A x ?");
            assertFalse(vm.errorsProperty().isEmpty(), "typing reaches the view model");
            assertEquals(vm.errorsProperty(), panel.errorList().getItems());
            assertTrue(panel.errorList().isVisible());
            assertTrue(panel.preview().getChildren().stream().anyMatch(n -> n instanceof javafx.scene.text.Text t
                    && t.getText().equals("x") && t.isUnderline()), "the bad token is marked in place");
            panel.errorList().getSelectionModel().select(0);
            assertEquals("x", panel.textArea().getSelectedText(), "clicking an error selects its token");

            vm.setContexts(2);
            vm.setKeys(2);
            vm.setSeed(3);
            assertTrue(vm.generate());
            assertEquals(vm.textProperty().get(), panel.textArea().getText(), "generated text reaches the editor");
            assertEquals(4, panel.answerTable().getItems().size());
            assertFalse(panel.errorList().isVisible());
            assertEquals(vm.tokensProperty().size() - 1, panel.preview().getChildren().size(), "one coloured token each");
            return null;
        });
    }

    @Test
    void modelBarDrivesTheConfigAndClassroomHidesAdvancedKnobs() {
        ModelBarViewModel vm = new ModelBarViewModel();
        onFx(() -> {
            ModelBar bar = new ModelBar(vm);
            show(bar);
            assertTrue(bar.advancedControls().stream().allMatch(Node::isVisible));
            assertFalse(bar.errorLabel().isVisible(), "no error line while the config is valid");
            vm.setClassroom(true);
            assertTrue(bar.advancedControls().stream().noneMatch(Node::isVisible));
            @SuppressWarnings("unchecked")
            ChoiceBox<Pattern> pattern = (ChoiceBox<Pattern>) bar.toolBar().getItems().get(1);
            pattern.setValue(Pattern.SW);
            assertEquals(Pattern.SW, vm.configProperty().get().sparse().pattern());
            pattern.setValue(Pattern.HAX);
            vm.setBudget(63);
            assertTrue(bar.errorLabel().getText().contains("multiple of 2"), bar.errorLabel().getText());
            assertTrue(bar.errorLabel().isVisible());
            @SuppressWarnings("unchecked")
            ChoiceBox<org.haxlab.model.engine.DeviceChoice> device = (ChoiceBox<org.haxlab.model.engine.DeviceChoice>)
                    bar.toolBar().getItems().stream().filter(n -> n instanceof ChoiceBox<?> c
                            && c.getItems().contains(org.haxlab.model.engine.DeviceChoice.GPU)).findFirst().orElseThrow();
            device.setValue(org.haxlab.model.engine.DeviceChoice.GPU);
            assertEquals(org.haxlab.model.engine.DeviceChoice.CPU, device.getValue(), "no GPU reported: the choice snaps back");
            return null;
        });
    }

    @Test
    void diagnosisPaneHighlightsWrongRowsAndPinsTheChosenQuery() {
        RecallSequence s = SequenceText.parse("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?").sequence();
        InspectionViewModel vm = new InspectionViewModel();
        vm.show(plainSsm(s, 17, 14, 12, 13), s);
        onFx(() -> {
            DiagnosisPane pane = new DiagnosisPane(vm);
            show(pane);
            assertEquals(4, pane.table().getItems().size());
            assertEquals("B a", pane.table().getColumns().get(1).getCellData(0), "the question with its context");
            List<TableRow<?>> wrongRows = new ArrayList<>();
            for (Node n : pane.table().lookupAll(".table-row-cell")) {
                if (n.getStyleClass().contains(DiagnosisPane.WRONG)) {
                    wrongRows.add((TableRow<?>) n);
                }
            }
            assertEquals(1, wrongRows.size());
            assertEquals(0, wrongRows.get(0).getIndex());
            pane.wrongOnly().setSelected(true);
            assertEquals(1, pane.table().getItems().size());
            pane.table().getSelectionModel().select(0);
            assertEquals(13, vm.pinnedProperty().get());
            return null;
        });
    }

    /** A query pinned elsewhere (a lesson, another view) is chosen in the table and scrolled into view. */
    @Test
    void diagnosisPaneChoosesAndShowsThePinnedQuery() {
        String table = "A a 3 b 2 c 5 d 6 e 7 f 8 B a 1 b 4 c 9 d 10 e 11 f 12 C a 13 b 14 c 15 d 0 e 3 f 2 | ";
        StringBuilder queries = new StringBuilder();
        for (String ctx : new String[] {"A", "B", "C"}) {
            queries.append(ctx).append(" a ? b ? c ? d ? e ? f ? ");
        }
        RecallSequence s = SequenceText.parse(table + queries.toString().trim()).sequence();
        int[] predicted = new int[s.queries()];
        java.util.Arrays.fill(predicted, 17);
        InspectionViewModel vm = new InspectionViewModel();
        vm.show(plainSsm(s, predicted), s);
        int last = s.queryPositions()[s.queries() - 1];
        onFx(() -> {
            DiagnosisPane pane = new DiagnosisPane(vm);
            new Scene(pane, 600, 160);
            pane.applyCss();
            pane.layout();
            vm.pin(last);
            pane.layout();
            pane.layout();
            assertEquals(last, pane.table().getSelectionModel().getSelectedItem().position());
            var flow = (javafx.scene.control.skin.VirtualFlow<?>) pane.table().lookup(".virtual-flow");
            int lastRow = s.queries() - 1;
            boolean shown = flow.getFirstVisibleCell().getIndex() <= lastRow
                    && flow.getLastVisibleCell().getIndex() >= lastRow;
            assertTrue(flow.getFirstVisibleCell().getIndex() > 0, "it scrolled");
            assertTrue(shown, "the pinned query's row is scrolled into view");
            return null;
        });
    }

    /**
     * At 1280 x 720 in classroom mode the slicing table gets about 680 px at 16 px: its fixed widths cut
     * "failure reason", "share of queries" and the example column; now no cell or header is cut and the
     * columns fit without sideways scrolling. Answer distances carry their unit.
     */
    @Test
    void slicingTableFitsClassroomFontsAt1280() {
        var vm = new org.haxlab.app.vm.slicing.SlicingViewModel(org.haxlab.app.vm.ModelWork.direct(),
                org.haxlab.app.vm.ModelLoader.standard(), new org.haxlab.app.vm.WorkStatus());
        var ex = new org.haxlab.app.vm.slicing.SliceExample("A a 3 | A a ?", 5);
        var rows = javafx.collections.FXCollections.observableArrayList(
                new org.haxlab.app.vm.slicing.SliceRow("failure reason", "correct", 1531, 1531, 1556, ex),
                new org.haxlab.app.vm.slicing.SliceRow("failure reason", "selected but outweighed", 3, 0, 1556, ex),
                new org.haxlab.app.vm.slicing.SliceRow("table size", "6 x 6", 216, 209, 1556, ex),
                new org.haxlab.app.vm.slicing.SliceRow("answer distance", "128..255", 25, 24, 1556, ex));
        onFx(() -> {
            SlicingTab tab = new SlicingTab(vm, n -> { }, e -> { });
            tab.table().setItems(rows);
            javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(tab.table());
            root.setStyle("-fx-font-size: 16px;");
            new Scene(root, 680, 400).snapshot(null);
            // the last column takes what is left; their least widths leave room for a vertical scroll bar
            double least = tab.table().getColumns().stream().mapToDouble(c -> c.getMinWidth()).sum();
            assertTrue(least <= 680 - 20, "the columns fit beside the scroll bar: " + least);
            assertEquals("128..255 tokens", tab.table().getColumns().get(1).getCellData(3));
            List<String> cut = new ArrayList<>();
            for (Node n : tab.table().lookupAll(".text")) {
                if (n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().endsWith("…")) {
                    cut.add(t.getText());
                }
            }
            assertTrue(cut.isEmpty(), "cut: " + cut);
            return null;
        });
    }

    /** A plain-SSM inspection without decay traces: predictions only. */
    private static Inspection plainSsm(RecallSequence s, int... predicted) {
        int n = s.length();
        AttentionSelection empty = new AttentionSelection(0, new int[]{0}, new int[0], new int[0], new float[0]);
        LayerInspection layer = new LayerInspection(0, new int[0], new int[0], new float[0], empty, new float[n],
                new float[n], null);
        List<QueryPrediction> preds = new ArrayList<>();
        for (int q = 0; q < s.queries(); q++) {
            preds.add(new QueryPrediction(s.queryPositions()[q], s.expected()[q], predicted[q], 0.4f, 0.3f, new float[100]));
        }
        return new Inspection(ModelConfig.paper(Backbone.MAMBA2, Pattern.NONE), s.tokens(), List.of(layer), preds,
                new int[n]);
    }
}
