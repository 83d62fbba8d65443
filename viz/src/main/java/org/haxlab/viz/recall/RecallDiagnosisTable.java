package org.haxlab.viz.recall;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.Vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one recall diagnosis table: a row per query ({@link RecallDiagnosis}) with the question as
 * typed, expected and predicted value, confidence, where the answer was defined, the reason and the
 * sentence behind it. Wrong rows get the {@link #WRONG} style class and pseudo-class and a light red
 * background; {@link #setOnlyWrong(boolean)} hides the right ones.
 *
 * <p>Nothing is cut off: every column is at least as wide as its header, and the "why" column takes
 * the remaining width and wraps its sentence over as many lines as it needs.
 */
public class RecallDiagnosisTable extends TableView<RecallDiagnosis> {
    /** Style class (and pseudo-class name) of the rows of wrong answers. */
    public static final String WRONG = "diagnosis-wrong";
    private static final PseudoClass WRONG_STATE = PseudoClass.getPseudoClass("wrong");
    private static final String WRONG_STYLE = "-fx-background-color: #ffebee;";
    /** Ends the reason (drawn bold) before the sentence in the "reason: why" column. */
    public static final String REASON_END = ": ";
    /** Room for the vertical scroll bar and the table's borders. */
    private static final double SCROLLBAR_ROOM = 20;

    private final IntFunction<String> names;
    private final FilteredList<RecallDiagnosis> shown;
    private final TableColumn<RecallDiagnosis, String> why;
    private Map<Integer, String> questions = Map.of();

    /** A table of the diagnoses in {@code source}, printing tokens with the task's names. */
    public RecallDiagnosisTable(ObservableList<RecallDiagnosis> source) {
        this(source, Vocabulary::name);
    }

    /** A table of the diagnoses in {@code source}, printing tokens with {@code names}. */
    public RecallDiagnosisTable(ObservableList<RecallDiagnosis> source, IntFunction<String> names) {
        if (source == null || names == null) {
            throw new IllegalArgumentException("diagnosis table: a source list and token names are required");
        }
        this.names = names;
        shown = new FilteredList<>(source);
        setItems(shown);
        getColumns().add(column("pos", d -> Integer.toString(d.position())));
        getColumns().add(column("query", d -> questions.getOrDefault(d.position(), "")));
        getColumns().add(column("expected", d -> names.apply(d.expected())));
        getColumns().add(column("predicted", d -> names.apply(d.predicted())));
        getColumns().add(column("conf.", d -> Double.isFinite(d.confidence())
                ? String.format(Locale.ROOT, "%.0f%%", 100.0 * d.confidence()) : "not finite (NaN)"));
        // on two lines: with classroom fonts (16 px) the one-line header left "why" too little of the 680 px
        // and the table scrolled sideways
        getColumns().add(column("answer\nat", d -> d.source().found() ? Integer.toString(d.source().valuePosition()) : "none"));
        // reason and sentence share one wrapping column: at 1280 x 720 the table has about 680 px, too
        // little for a reason column and a readable sentence side by side
        why = column("reason: why", d -> d.reason().label() + REASON_END + d.explanation());
        why.setMinWidth(160);
        why.setCellFactory(c -> new WrappingCell());
        getColumns().add(why);
        // the other columns keep the width of their header (or content); "why" takes what is left and
        // wraps. A constrained resize policy would shrink the short columns below their headers instead.
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        for (TableColumn<RecallDiagnosis, ?> c : getColumns()) {
            if (c != why) {
                c.setPrefWidth(c.getMinWidth());
            }
        }
        why.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double others = getColumns().stream().filter(c -> c != why).mapToDouble(TableColumn::getWidth).sum();
            return Math.max(why.getMinWidth(), getWidth() - others - SCROLLBAR_ROOM);
        }, widthProperty()));
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RecallDiagnosis d, boolean empty) {
                super.updateItem(d, empty);
                boolean wrong = !empty && d != null && !d.correct();
                getStyleClass().remove(WRONG);
                if (wrong) {
                    getStyleClass().add(WRONG);
                }
                pseudoClassStateChanged(WRONG_STATE, wrong);
                shade();
                setTooltip(empty || d == null ? null : new Tooltip(d.explanation()));
            }

            @Override
            public void updateSelected(boolean selected) {
                super.updateSelected(selected);
                shade();
            }

            /** Light red for a wrong answer, unless chosen: the selection's colour shows the pinned query. */
            private void shade() {
                setStyle(getStyleClass().contains(WRONG) && !isSelected() ? WRONG_STYLE : "");
            }
        });
        setPlaceholder(new Label("run a model on a valid sequence to diagnose its answers"));
    }

    /** The question of every query position as typed (e.g. {@code B a}); positions without one show "". */
    public final void setQuestions(Map<Integer, String> byPosition) {
        questions = Map.copyOf(byPosition);
        refresh();
    }

    /** Shows only the wrong answers (true) or all (false). */
    public final void setOnlyWrong(boolean onlyWrong) {
        shown.setPredicate(onlyWrong ? d -> !d.correct() : null);
    }

    /** The "why" column (it wraps). */
    public final TableColumn<RecallDiagnosis, String> whyColumn() {
        return why;
    }

    /** The token names the table prints with. */
    public final IntFunction<String> names() {
        return names;
    }

    /** The rows shown now, as their cells' text (for tests and exports). */
    public final List<List<String>> shownText() {
        return getItems().stream().map(d -> getColumns().stream()
                .map(c -> String.valueOf(c.getCellObservableValue(d).getValue())).toList()).toList();
    }

    private static <T> TableColumn<RecallDiagnosis, T> column(String title, Function<RecallDiagnosis, T> get) {
        TableColumn<RecallDiagnosis, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(get.apply(f.getValue())));
        c.setMinWidth(ColumnWidths.header(title));
        return c;
    }

    /**
     * A cell whose text wraps to the column width, so the row grows instead of cutting the sentence;
     * the reason before {@link #REASON_END} is bold.
     */
    private static final class WrappingCell extends TableCell<RecallDiagnosis, String> {
        private final Text reason = new Text();
        private final Text sentence = new Text();
        private final TextFlow flow = new TextFlow(reason, sentence);

        WrappingCell() {
            reason.setStyle("-fx-font-weight: bold;");
            flow.maxWidthProperty().bind(widthProperty().subtract(12));
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        /** As tall as the sentence wrapped to the column's width (not to the flow's unwrapped width). */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() == null) {
                return super.computePrefHeight(width);
            }
            double w = getTableColumn() == null ? width : getTableColumn().getWidth();
            return Math.ceil(flow.prefHeight(Math.max(40, w - 12))) + snappedTopInset() + snappedBottomInset() + 2;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            int end = item.indexOf(REASON_END);
            reason.setText(end < 0 ? "" : item.substring(0, end + REASON_END.length()));
            sentence.setText(end < 0 ? item : item.substring(end + REASON_END.length()));
            setGraphic(flow);
        }
    }
}
