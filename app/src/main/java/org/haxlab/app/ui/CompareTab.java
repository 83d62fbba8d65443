package org.haxlab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.haxlab.app.vm.CompareRow;
import org.haxlab.app.vm.CompareViewModel;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.heatmap.SelectionMatrixView;
import org.haxlab.viz.selection.AlignedSelection;
import org.haxlab.viz.tokens.TokenStrip;

/**
 * "Compare": the same sequence through two to four models side by side, each with its selection
 * matrix (chosen layer) and token strip with right / wrong marks, and a table of the queries with the
 * wrong answers in red and the queries where the models disagree highlighted.
 */
final class CompareTab extends BorderPane {
    private static final String DISPUTED_STYLE = "-fx-background-color: #fff3e0;";

    private final CompareViewModel vm;
    private final HBox columns = new HBox(8);
    private final TableView<CompareRow> table = new TableView<>();
    private final List<SelectionMatrixView> matrices = new ArrayList<>();
    private final List<TokenStrip> strips = new ArrayList<>();
    private final List<Label> titles = new ArrayList<>();
    private int layer;

    CompareTab(CompareViewModel vm, Runnable useDefaults, Runnable addModelBar) {
        this.vm = vm;
        setId("compareTab");
        table.setId("compareTable");
        Button defaults = Controls.tip(new Button("SSM / +SW / +HAX"),
                "Compare the plain SSM, +SW and +HAX of the model bar's backbone (spec §4, Table 1)");
        defaults.setOnAction(e -> useDefaults.run());
        Button bar = Controls.tip(new Button("Use the model bar's model"),
                "Put the model bar's model (with its checkpoint) in place of the last compared model");
        bar.setOnAction(e -> addModelBar.run());
        HBox top = new HBox(10, defaults, bar);
        top.setPadding(new Insets(4));
        setTop(top);
        table.setItems(vm.rowsProperty());
        table.setPlaceholder(new Label("open this tab with a valid sequence to run the compared models"));
        table.setTooltip(new javafx.scene.control.Tooltip("Red: a wrong answer. Shaded rows: the models disagree."));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareRow r, boolean empty) {
                super.updateItem(r, empty);
                setStyle(!empty && r != null && r.disputed() ? DISPUTED_STYLE : "");
            }
        });
        SplitPane split = new SplitPane(columns, table);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        setCenter(split);
        vm.slotsProperty().addListener((ListChangeListener<Object>) c -> rebuild());
        vm.inspectionsProperty().addListener((ListChangeListener<Inspection>) c -> refresh());
        rebuild();
    }

    /** The layer every compared matrix shows. */
    void setLayer(int l) {
        layer = l;
        refresh();
    }

    private void rebuild() {
        columns.getChildren().clear();
        matrices.clear();
        strips.clear();
        titles.clear();
        for (int i = 0; i < vm.slotsProperty().size(); i++) {
            SelectionMatrixView m = new SelectionMatrixView();
            m.setPrefSize(300, 300);
            m.setId("compareMatrix" + i);
            TokenStrip s = new TokenStrip(Vocabulary::name);
            s.setPrefHeight(30);
            s.setMinHeight(30);
            Label title = new Label();
            title.getStyleClass().add("panel-title");
            title.setWrapText(true);
            title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            // the strip sits under the matrix's columns and follows its zoom; both axes name positions and tokens
            AlignedSelection aligned = new AlignedSelection(m, s, Vocabulary::name);
            VBox col = new VBox(4, title, aligned);
            VBox.setVgrow(aligned, Priority.ALWAYS);
            col.setMinWidth(0);
            HBox.setHgrow(col, Priority.ALWAYS);
            columns.getChildren().add(col);
            matrices.add(m);
            strips.add(s);
            titles.add(title);
        }
        table.getColumns().clear();
        table.getColumns().add(column("pos", r -> Integer.toString(r.position())));
        table.getColumns().add(column("query", CompareRow::question));
        table.getColumns().add(column("expected", r -> Vocabulary.name(r.expected())));
        List<String> labels = vm.slotsProperty().stream().map(org.haxlab.app.vm.ModelSlot::label).toList();
        for (int i = 0; i < vm.slotsProperty().size(); i++) {
            int slot = i;
            // the cell gets the whole row, so its text and its colour come from the same item
            TableColumn<CompareRow, CompareRow> c = Controls.fitHeader(
                    new TableColumn<>(stacked(vm.slotsProperty().get(i).label(), labels)));
            c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
            c.setSortable(false);
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(CompareRow r, boolean empty) {
                    super.updateItem(r, empty);
                    Integer p = empty || r == null ? null : r.predicted().get(slot);
                    setText(empty || r == null ? null : p == null ? "…" : Vocabulary.name(p));
                    setStyle(r != null && !empty && r.wrong(slot) ? "-fx-text-fill: #c62828; -fx-font-weight: bold;" : "");
                }
            });
            table.getColumns().add(c);
        }
        refresh();
    }

    private void refresh() {
        for (int i = 0; i < matrices.size() && i < vm.inspectionsProperty().size(); i++) {
            Inspection in = vm.inspectionsProperty().get(i);
            String label = vm.slotsProperty().get(i).label();
            AlignedSelection aligned = (AlignedSelection) matrices.get(i).getParent();
            if (in == null) {
                aligned.setLayer(null);
                aligned.setInspection(null);
                titles.get(i).setText(label + ": running…");
                continue;
            }
            int l = Math.min(layer, in.layers().size() - 1);
            aligned.setInspection(in);
            aligned.setLayer(in.layers().get(l));
            long wrong = in.predictions().stream().filter(q -> !q.correct()).count();
            strips.get(i).setHighlight(in.predictions().stream().filter(q -> !q.correct())
                    .mapToInt(QueryPrediction::position).toArray(), org.haxlab.viz.tokens.TokenStripRaster.WRONG);
            titles.get(i).setText(!org.haxlab.app.vm.AppController.finiteOutputs(in)
                    ? label + "\nwarning: outputs are not finite (NaN): broken weights (layer " + l + ")"
                    : String.format(Locale.ROOT, "%s\n%.1f%% right, %d wrong (layer %d)", label,
                    100 * in.accuracy(), wrong, l));
        }
    }

    /**
     * A model's column title: the backbone over the rest of its name ("Mamba-2" / "+HAX"), and its last
     * parenthesis ("(zoo, 98.1 %)") on a third line only where another compared model has the same name.
     * Whole one-line names made four models' table wider than its pane at 1600 px, the parenthesis alone
     * still did at 1280 px in classroom mode; the matrices' titles above keep the whole name.
     */
    static String stacked(String label, List<String> all) {
        String name = name(label);
        int space = name.indexOf(' ');
        String head = space <= 0 ? name : name.substring(0, space) + "\n" + name.substring(space + 1);
        boolean twin = all.stream().filter(other -> name(other).equals(name)).count() > 1;
        return twin && name.length() < label.length() ? head + "\n" + label.substring(name.length() + 1) : head;
    }

    private static String name(String label) {
        int cut = label.lastIndexOf(" (");
        return cut <= 0 ? label : label.substring(0, cut);
    }

    private static TableColumn<CompareRow, String> column(String title, Function<CompareRow, String> get) {
        TableColumn<CompareRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(get.apply(f.getValue())));
        c.setSortable(false);
        return Controls.fitHeader(c);
    }

    TableView<CompareRow> table() {
        return table;
    }

    List<SelectionMatrixView> matrices() {
        return List.copyOf(matrices);
    }
}
