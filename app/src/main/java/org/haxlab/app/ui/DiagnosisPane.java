package org.haxlab.app.ui;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.haxlab.app.vm.InspectionViewModel;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.AnswerTable;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.Vocabulary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One row per query: expected vs predicted, confidence, and for a wrong answer the reason and the
 * sentence behind it ({@link RecallDiagnosis}). Wrong rows are highlighted; choosing a row pins
 * its query so the other views follow.
 */
public final class DiagnosisPane extends BorderPane {
    /** Style class of the rows of wrong answers. */
    public static final String WRONG = "diagnosis-wrong";
    private static final String WRONG_STYLE = "-fx-background-color: #ffebee;";

    private final InspectionViewModel vm;
    private final TableView<RecallDiagnosis> table = new TableView<>();
    private final CheckBox wrongOnly = new CheckBox("wrong only");
    private Map<Integer, String> questions = Map.of();

    /** A pane bound to {@code vm}. */
    public DiagnosisPane(InspectionViewModel vm) {
        this.vm = vm;
        FilteredList<RecallDiagnosis> rows = new FilteredList<>(vm.diagnosesProperty());
        wrongOnly.selectedProperty().addListener((o, was, now) ->
                rows.setPredicate(now ? d -> !d.correct() : null));
        table.setItems(rows);
        table.getColumns().add(column("position", RecallDiagnosis::position));
        table.getColumns().add(column("query", d -> questions.getOrDefault(d.position(), "")));
        table.getColumns().add(column("expected", d -> Vocabulary.name(d.expected())));
        table.getColumns().add(column("predicted", d -> Vocabulary.name(d.predicted())));
        table.getColumns().add(column("confidence", d -> Double.isFinite(d.confidence())
                ? String.format(Locale.ROOT, "%.0f%%", 100.0 * d.confidence()) : "not finite (NaN)"));
        table.getColumns().add(column("answer at", d -> d.source().found() ? d.source().valuePosition() : -1));
        TableColumn<RecallDiagnosis, String> reason = column("reason", d -> d.reason().label());
        reason.setPrefWidth(140);
        table.getColumns().add(reason);
        TableColumn<RecallDiagnosis, String> why = column("why", RecallDiagnosis::explanation);
        why.setPrefWidth(640);
        table.getColumns().add(why);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RecallDiagnosis d, boolean empty) {
                super.updateItem(d, empty);
                boolean wrong = !empty && d != null && !d.correct();
                getStyleClass().remove(WRONG);
                if (wrong) {
                    getStyleClass().add(WRONG);
                }
                setStyle(wrong ? WRONG_STYLE : "");
                setTooltip(empty || d == null ? null : new Tooltip(d.explanation()));
            }
        });
        table.setPlaceholder(new Label("run a model on a valid sequence to diagnose its answers"));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.pin(now.position());
            }
        });
        Label accuracy = new Label();
        vm.sequenceProperty().addListener((o, was, now) -> questions = questions(now));
        questions = questions(vm.sequenceProperty().get());
        vm.diagnosesProperty().addListener((javafx.collections.ListChangeListener<RecallDiagnosis>) c ->
                accuracy.setText(summary()));
        accuracy.setText(summary());
        Controls.tip(wrongOnly, "Show only the queries the model answered wrong, with why");
        HBox top = new HBox(12, wrongOnly, accuracy);
        top.setPadding(new Insets(4));
        setTop(top);
        setCenter(table);
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

    private static <T> TableColumn<RecallDiagnosis, T> column(String title, Function<RecallDiagnosis, T> get) {
        TableColumn<RecallDiagnosis, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(get.apply(f.getValue())));
        return Controls.fitHeader(c);
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
