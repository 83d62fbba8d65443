package org.haxlab.app.ui;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.haxlab.app.vm.slicing.SliceExample;
import org.haxlab.app.vm.slicing.Slicer;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.app.vm.slicing.SliceRow;
import org.haxlab.app.vm.slicing.SlicingViewModel;

/**
 * "Failure slicing": accuracy of the model in view over many generated sequences, one table row per
 * slice (failure reason, table size, answer distance) with a bar for its accuracy; a double click (or
 * Enter, or "Open example") opens an example query of the slice in the window, pinned in the diagnosis.
 */
final class SlicingTab extends BorderPane {
    private final SlicingViewModel vm;
    private final TableView<SliceRow> table = new TableView<>();
    private final Label summary = new Label();
    private final Placeholder empty = new Placeholder("The model in view answers " + SlicingViewModel.DEFAULT_SAMPLES
            + " generated sequences (Run for more or fewer); every query is then sorted by why it failed.");

    SlicingTab(SlicingViewModel vm, IntConsumer run, Consumer<SliceExample> open) {
        this.vm = vm;
        setId("slicingTab");
        table.setId("slicingTable");
        Spinner<Integer> samples = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                SlicingViewModel.MAX_SAMPLES, SlicingViewModel.DEFAULT_SAMPLES, 16));
        samples.setEditable(true);
        samples.setPrefWidth(90);
        samples.setId("slicingSamples");
        Controls.tip(samples, "How many generated sequences to run (one inspected forward pass each, on the model"
                + " thread; the window stays responsive)");
        Button go = Controls.tip(new Button("Run"), "Run the model in view on the generated sequences and slice its"
                + " accuracy; the table sizes span the zoo's grid (or up to the generator's n_c x n_k)");
        go.setId("runSlicing");
        go.setOnAction(e -> run.accept(samples.getValue()));
        Button example = Controls.tip(new Button("Open example"), "Open a query of the selected slice (a wrong one when"
                + " the slice has one): its sequence goes to the editor, the query is pinned, the diagnosis opens");
        example.setId("openSliceExample");
        example.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        example.setOnAction(e -> openSelected(open));
        summary.setId("slicingSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Label n = Controls.tip(new Label("sequences"), samples.getTooltip().getText());
        HBox bar = new HBox(8, go, samples, n, example);
        bar.setAlignment(Pos.CENTER_LEFT);
        BorderPane top = new BorderPane(summary, bar, null, null, null);
        top.setPadding(new Insets(4));
        BorderPane.setMargin(summary, new Insets(4, 0, 0, 0));
        setTop(top);
        columns();
        table.setItems(vm.rowsProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<SliceRow> row = new TableRow<>() {
                @Override
                protected void updateItem(SliceRow r, boolean empty) {
                    super.updateItem(r, empty);
                    setTooltip(empty || r == null ? null : new javafx.scene.control.Tooltip("Example: the query at "
                            + r.example().query() + " of a sequence in this slice; double click or Enter opens it"));
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().example());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openSelected(open);
            }
        });
        setCenter(empty);
        vm.rowsProperty().addListener((javafx.collections.ListChangeListener<SliceRow>) c ->
                setCenter(vm.rowsProperty().isEmpty() ? empty : table));
    }

    private void openSelected(Consumer<SliceExample> open) {
        SliceRow r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            open.accept(r.example());
        }
    }

    /**
     * Sliced by, slice, share, right. Each column is at least as wide as its longest text: at 1280 x 720 with
     * classroom fonts the five columns of fixed widths cut "failure reason", "share of queries" and the
     * example ("query a…"), so the example moved into the row's tooltip (a double click still opens it).
     */
    private void columns() {
        TableColumn<SliceRow, String> dim = new TableColumn<>("sliced by");
        dim.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().dimension()));
        fit(dim, Slicer.REASON, Slicer.TABLE, Slicer.DISTANCE);
        TableColumn<SliceRow, String> slice = new TableColumn<>("slice");
        slice.setCellValueFactory(c -> new ReadOnlyStringWrapper(sliceText(c.getValue())));
        fit(slice, java.util.Arrays.stream(RecallDiagnosis.Reason.values()).map(RecallDiagnosis.Reason::label)
                .toArray(String[]::new));
        TableColumn<SliceRow, String> share = new TableColumn<>("share of\nqueries");
        share.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.format(Locale.ROOT, "%.1f %%",
                100 * c.getValue().share())));
        fit(share, "100.0 %");
        TableColumn<SliceRow, SliceRow> acc = new TableColumn<>("right");
        acc.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        acc.setCellFactory(c -> new AccuracyCell());
        fit(acc, "4096 of 4096 (100.0 %)");
        table.getColumns().setAll(java.util.List.of(dim, slice, share, acc));
    }

    /** Answer distances are counted in tokens ("16..31 tokens"); the other slices read as they are. */
    static String sliceText(SliceRow r) {
        return Slicer.DISTANCE.equals(r.dimension()) ? r.slice() + " tokens" : r.slice();
    }

    /** Cell text is measured at the classroom font's size, the largest the window uses. */
    static final double CELL_FONT = 16;
    /** A cell's padding and the room of its borders. */
    static final double CELL_PAD = 12;

    /** At least as wide as its header and as {@code longest} in a cell. */
    private static void fit(TableColumn<SliceRow, ?> c, String... longest) {
        Controls.fitHeader(c);
        double w = c.getMinWidth();
        for (String s : longest) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(s);
            t.setFont(javafx.scene.text.Font.font("System", CELL_FONT));
            w = Math.max(w, Math.ceil(t.getLayoutBounds().getWidth()) + CELL_PAD);
        }
        c.setMinWidth(w);
        c.setPrefWidth(w);
    }

    /** "12 of 40 (30.0 %)" over a bar as long as the accuracy. */
    private static final class AccuracyCell extends TableCell<SliceRow, SliceRow> {
        private final Rectangle fill = new Rectangle(0, 14, Color.web("#009E73"));
        private final Label text = new Label();
        private final StackPane box = new StackPane(fill, text);

        AccuracyCell() {
            StackPane.setAlignment(fill, Pos.CENTER_LEFT);
            fill.setOpacity(0.35);
        }

        @Override
        protected void updateItem(SliceRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                return;
            }
            fill.widthProperty().bind(widthProperty().subtract(12).multiply(r.accuracy()));
            text.setText(r.accuracyText());
            setGraphic(box);
        }
    }

    TableView<SliceRow> table() {
        return table;
    }
}
