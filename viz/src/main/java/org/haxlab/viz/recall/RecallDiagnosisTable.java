package org.haxlab.viz.recall;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.css.PseudoClass;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.viz.tokens.TokenNames;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Every query of one sequence: position, context, key, expected and predicted value, confidence,
 * probability of the expected value, and a reason column whose text the caller supplies (the view
 * does no diagnosis itself). Wrong answers get the {@code :wrong} pseudo-class and a light vermillion
 * background; {@link #setOnlyWrong(boolean)} hides the right ones.
 */
public class RecallDiagnosisTable extends TableView<RecallRow> {
    /** Pseudo-class of rows whose answer is wrong. */
    public static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final String WRONG_STYLE = "-fx-background-color: #f6d5c2;";

    private final IntFunction<String> names;
    private final ObservableList<RecallRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RecallRow> shown = new FilteredList<>(rows);

    /** A table with the default token names. */
    public RecallDiagnosisTable() {
        this(TokenNames.DEFAULT);
    }

    /** A table printing tokens with {@code names}. */
    public RecallDiagnosisTable(IntFunction<String> names) {
        this.names = names;
        setItems(shown);
        getColumns().add(column("pos", r -> r.prediction().position()));
        getColumns().add(column("context", RecallRow::context));
        getColumns().add(column("key", RecallRow::key));
        getColumns().add(column("expected", RecallRow::expected));
        getColumns().add(column("predicted", RecallRow::predicted));
        getColumns().add(column("confidence", r -> String.format(Locale.ROOT, "%.4f", r.prediction().confidence())));
        getColumns().add(column("p(expected)", r -> String.format(Locale.ROOT, "%.4f", r.prediction().expectedProb())));
        getColumns().add(column("ok", r -> r.correct() ? "yes" : "NO"));
        TableColumn<RecallRow, String> reason = column("reason", RecallRow::reason);
        reason.setPrefWidth(260);
        getColumns().add(reason);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RecallRow item, boolean empty) {
                super.updateItem(item, empty);
                boolean wrong = !empty && item != null && !item.correct();
                pseudoClassStateChanged(WRONG, wrong);
                setStyle(wrong ? WRONG_STYLE : "");
            }
        });
        setPlaceholder(new javafx.scene.control.Label("no queries"));
    }

    private static <T> TableColumn<RecallRow, T> column(String title, Function<RecallRow, T> value) {
        TableColumn<RecallRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /**
     * Shows the queries of an inspection.
     *
     * @param reasons text for the reason column per query (may return null or "")
     */
    public final void setInspection(Inspection inspection, Function<QueryPrediction, String> reasons) {
        setPredictions(inspection.tokens(), inspection.predictions(), reasons);
    }

    /** Shows predictions over a token sequence. */
    public final void setPredictions(int[] tokens, List<QueryPrediction> predictions,
                                     Function<QueryPrediction, String> reasons) {
        Function<QueryPrediction, String> r = reasons == null ? q -> "" : reasons;
        rows.setAll(predictions.stream().map(q -> RecallRow.of(tokens, q, names, r.apply(q))).toList());
    }

    /** Shows only the wrong answers (true) or all (false). */
    public final void setOnlyWrong(boolean onlyWrong) {
        shown.setPredicate(onlyWrong ? row -> !row.correct() : null);
    }

    /** Every row, shown or not. */
    public final List<RecallRow> allRows() {
        return List.copyOf(rows);
    }
}
