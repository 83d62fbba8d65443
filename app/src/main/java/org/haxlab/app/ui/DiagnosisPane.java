package org.haxlab.app.ui;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.AnswerTable;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.recall.RecallDiagnosisTable;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One row per query: expected vs predicted, confidence, and for a wrong answer the reason and the
 * sentence behind it ({@link RecallDiagnosis}), in the viz module's {@link RecallDiagnosisTable} (the
 * one home of that table). Wrong rows are highlighted; choosing a row pins its query so the other
 * views follow.
 */
public final class DiagnosisPane extends BorderPane {
    /** Style class of the rows of wrong answers. */
    public static final String WRONG = RecallDiagnosisTable.WRONG;

    private final InspectionViewModel vm;
    private final RecallDiagnosisTable table;
    private final CheckBox wrongOnly = new CheckBox("wrong only");
    private boolean choosing;

    /** A pane bound to {@code vm}. */
    public DiagnosisPane(InspectionViewModel vm) {
        this.vm = vm;
        table = new RecallDiagnosisTable(vm.diagnosesProperty(), Vocabulary::name);
        wrongOnly.selectedProperty().addListener((o, was, now) -> table.setOnlyWrong(now));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                choosing = true;    // the row is where the user clicked: no scrolling it away
                try {
                    vm.pin(now.position());
                } finally {
                    choosing = false;
                }
            }
        });
        Label accuracy = new Label();
        accuracy.setMinWidth(Region.USE_PREF_SIZE);
        wrongOnly.setMinWidth(Region.USE_PREF_SIZE);
        vm.sequenceProperty().addListener((o, was, now) -> table.setQuestions(questions(now)));
        table.setQuestions(questions(vm.sequenceProperty().get()));
        vm.diagnosesProperty().addListener((javafx.collections.ListChangeListener<RecallDiagnosis>) c ->
                accuracy.setText(summary()));
        accuracy.setText(summary());
        // a lesson or another view pins a query: its row is chosen and scrolled into view (the lesson of
        // 'The SSM forgets' opens here on query 137, which was some thirty rows below the visible ones)
        vm.pinnedProperty().addListener((o, was, now) -> showPinned());
        vm.diagnosesProperty().addListener((javafx.collections.ListChangeListener<RecallDiagnosis>) c -> showPinned());
        wrongOnly.selectedProperty().addListener((o, was, now) -> showPinned());
        showPinned();
        Controls.tip(wrongOnly, "Show only the queries the model answered wrong, with why");
        HBox top = new HBox(12, wrongOnly, accuracy);
        top.setPadding(new Insets(4));
        setTop(top);
        setCenter(table);
    }

    /** Chooses the pinned query's row and scrolls to it (nothing when it has no row or the user chose it). */
    private void showPinned() {
        Integer p = vm.pinnedProperty().get();
        if (choosing || p == null) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).position() == p) {
                if (table.getSelectionModel().getSelectedIndex() != i) {
                    table.getSelectionModel().select(i);
                }
                table.scrollTo(i);
                return;
            }
        }
    }

    private String summary() {
        int n = vm.diagnosesProperty().size();
        if (n == 0) {
            return "";
        }
        long right = vm.diagnosesProperty().stream().filter(RecallDiagnosis::correct).count();
        return String.format(Locale.ROOT, "%d of %d right (%.1f%%)", right, n, 100.0 * right / n);
    }

    /** The question of every query as typed (e.g. {@code B a}), from the sequence's answer table. */
    private static Map<Integer, String> questions(RecallSequence s) {
        Map<Integer, String> out = new HashMap<>();
        if (s == null) {
            return out;
        }
        try {
            for (AnswerTable.Answer a : SequenceText.analyse(s).answers().answers()) {
                out.put(a.position(), a.question());
            }
        } catch (IllegalArgumentException e) {
            // not in the task grammar (a hand-made token array): fall back to the key's name
            for (int p : s.queryPositions()) {
                out.put(p, Vocabulary.name(s.token(p)));
            }
        }
        return out;
    }

    /** The table (for tests and the window's keyboard shortcuts). */
    public TableView<RecallDiagnosis> table() {
        return table;
    }

    /** The "wrong only" filter. */
    public CheckBox wrongOnly() {
        return wrongOnly;
    }
}
