package org.haxlab.app.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.haxlab.app.vm.SequenceViewModel;
import org.haxlab.app.vm.TokenCell;
import org.haxlab.model.task.AnswerTable;
import org.haxlab.model.task.SequenceError;
import org.haxlab.model.task.Variant;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.tokens.RoleColors;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;

import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The sequence editor: generator knobs for every task variant and its seed, a text area to type or
 * paste a sequence (grammar in samples/README.md), the sequence again as coloured tokens or, while
 * invalid, with the offending tokens marked red, the list of errors (a click selects the token in
 * the text area), the length check and the answer table.
 */
public final class SequencePanel extends BorderPane {
    private static final String ERROR_STYLE = "-fx-border-color: #d32f2f; -fx-border-width: 2;";

    private final SequenceViewModel vm;
    private final TextArea text = new TextArea();
    private final TextFlow preview = new TextFlow();
    private final ListView<SequenceError> errorList = new ListView<>();
    private final TableView<AnswerTable.Answer> answerTable = new TableView<>();
    private final Label marker = new Label();
    private boolean pushing;

    /** A panel bound to {@code vm}. */
    public SequencePanel(SequenceViewModel vm) {
        this.vm = vm;
        setTop(generator());
        setCenter(editor());
        setPadding(new Insets(6));
        getStyleClass().add("sequence-panel");
        bindText();
        vm.errorsProperty().addListener((ListChangeListener<SequenceError>) c -> refreshMarks());
        vm.tokensProperty().addListener((ListChangeListener<TokenCell>) c -> refreshMarks());
        refreshMarks();
    }

    private FlowPane generator() {
        var variant = Controls.choice(Variant.values(), vm.variantProperty(), vm::setVariant, Variant::cliName,
                "Task variant (spec §1): mqjr asks the whole table, single one question, multilevel nests context"
                        + " tiers, mqar is Zoology-style associative recall");
        var contexts = Controls.spinner(1, Vocabulary.SLOTS, vm.contextsProperty(), vm::setContexts,
                "n_c: contexts per tier");
        var keys = Controls.spinner(1, Vocabulary.SLOTS, vm.keysProperty(), vm::setKeys,
                "n_k: keys per context (MQAR: key-value pairs)");
        var values = Controls.spinner(1, Vocabulary.SLOTS, vm.valuesProperty(), vm::setValues,
                "|V|: values are drawn i.i.d. uniform from 0..|V|-1 (chance = 1/|V|)");
        var levels = Controls.spinner(1, Vocabulary.MAX_CONTEXT_TIERS + 1, vm.levelsProperty(), vm::setLevels,
                "w: levels of single-query and multi-level recall (1 = associative recall)");
        levels.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.variantProperty().get() == Variant.MQJR || vm.variantProperty().get() == Variant.MQAR,
                vm.variantProperty()));
        TextField seed = Controls.tip(new TextField(Long.toString(vm.seedProperty().get())),
                "Seed of the generator: the same knobs and seed give the same sequence");
        seed.setPrefColumnCount(8);
        seed.setOnAction(e -> applySeed(seed));
        seed.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                applySeed(seed);
            }
        });
        vm.seedProperty().addListener((o, was, now) -> seed.setText(Long.toString(now.longValue())));
        Button generate = Controls.tip(new Button("Generate"), "Draw a sequence from these knobs and seed");
        generate.setOnAction(e -> {
            applySeed(seed);
            vm.generate();
        });
        Button newSeed = Controls.tip(new Button("New seed"), "Draw a fresh seed and generate");
        newSeed.setOnAction(e -> vm.newSeed());
        Label problem = new Label();
        problem.textProperty().bind(vm.generationErrorProperty());
        problem.setTextFill(Color.web("#d32f2f"));
        FlowPane bar = new FlowPane(6, 4, new Label("variant"), variant, new Label("n_c"), contexts, new Label("n_k"), keys,
                new Label("|V|"), values, new Label("w"), levels, new Label("seed"), seed, generate, newSeed, problem);
        bar.setPadding(new Insets(0, 0, 6, 0));
        return bar;
    }

    private void applySeed(TextField seed) {
        try {
            vm.setSeed(Long.parseLong(seed.getText().trim()));
            seed.setStyle("");
        } catch (NumberFormatException e) {
            seed.setStyle(ERROR_STYLE);
        }
    }

    private SplitPane editor() {
        text.setWrapText(true);
        text.setPromptText("A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?");
        text.setPrefRowCount(5);
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        Label length = new Label();
        length.textProperty().bind(Bindings.createStringBinding(() -> vm.lengthCheckProperty().get().message(),
                vm.lengthCheckProperty()));
        length.textFillProperty().bind(Bindings.createObjectBinding(() -> vm.lengthCheckProperty().get().fits()
                ? Color.web("#424242") : Color.web("#d32f2f"), vm.lengthCheckProperty()));
        marker.setTextFill(Color.web("#d32f2f"));
        // lines that wrap at the panel's width instead of ending in "..." (or widening the panel)
        for (Label l : List.of(marker, summary, length)) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox status = new VBox(2, marker, summary, length);
        errorList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(SequenceError e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.message());
                setTextFill(Color.web("#d32f2f"));
            }
        });
        errorList.setItems(vm.errorsProperty());
        errorList.setPrefHeight(90);
        errorList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                selectError(now);
            }
        });
        errorList.visibleProperty().bind(Bindings.isNotEmpty(vm.errorsProperty()));
        errorList.managedProperty().bind(errorList.visibleProperty());
        // the preview scrolls when the panel is short (classroom mode draws large chips): otherwise the
        // editor's minimum height pushed it over the generator's controls
        javafx.scene.control.ScrollPane previewScroll = new javafx.scene.control.ScrollPane(preview);
        previewScroll.setFitToWidth(true);
        previewScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        previewScroll.setMinHeight(0);
        previewScroll.setStyle("-fx-background-color: transparent;");
        VBox.setVgrow(previewScroll, javafx.scene.layout.Priority.ALWAYS);
        VBox top = new VBox(4, text, previewScroll, status, errorList);
        top.setMinHeight(0);
        answerTable.setItems(vm.answersProperty());
        // short headers that fit the panel's width, each explained by its tooltip
        answerTable.getColumns().add(column("pos", 48, "The query's position (0-based, BOS = 0)", a -> a.position()));
        answerTable.getColumns().add(column("query", 64, "The question: context and key", AnswerTable.Answer::question));
        answerTable.getColumns().add(column("value", 56, "The right answer", a -> Vocabulary.name(a.value())));
        answerTable.getColumns().add(column("defined at", 100, "Where the asked key was defined in the table (its value, the answer, follows at the next"
                + " position: the diagnosis's 'answer at')",
                a -> a.definedAt()));
        answerTable.setPlaceholder(new Label("no valid sequence"));
        // unconstrained: the minimum widths hold (headers whole) and a narrow panel scrolls sideways
        answerTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        SplitPane split = new SplitPane(top, answerTable);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        return split;
    }

    private static <T> TableColumn<AnswerTable.Answer, T> column(String title, double width, String tip,
                                                                java.util.function.Function<AnswerTable.Answer, T> get) {
        TableColumn<AnswerTable.Answer, T> c = new TableColumn<>();
        Label header = Controls.tip(new Label(title), tip);
        c.setGraphic(header);
        // at least as wide as the header: a narrow panel scrolls sideways instead of showing "positi…"
        double w = Math.max(width, org.haxlab.viz.recall.ColumnWidths.header(title));
        c.setMinWidth(w);
        c.setPrefWidth(w);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(get.apply(f.getValue())));
        c.setSortable(false);
        return c;
    }

    private void bindText() {
        text.setText(vm.textProperty().get());
        text.textProperty().addListener((o, was, now) -> {
            if (!pushing) {
                vm.setText(now);
            }
        });
        vm.textProperty().addListener((o, was, now) -> {
            if (!now.equals(text.getText())) {
                pushing = true;
                try {
                    text.setText(now);
                } finally {
                    pushing = false;
                }
            }
        });
    }

    /** Selects the offending token of {@code e} in the text area (columns are 1-based characters). */
    public void selectError(SequenceError e) {
        int length = text.getText().length();
        if (e.column() <= 0) {
            text.positionCaret(length);
        } else {
            int from = Math.min(length, e.column() - 1);
            text.selectRange(from, Math.min(length, from + Math.max(1, e.token().length())));
        }
        text.requestFocus();
    }

    /** Redraws the preview: coloured tokens when valid, the raw text with red error tokens otherwise. */
    private void refreshMarks() {
        preview.getChildren().clear();
        int n = vm.errorsProperty().size();
        marker.setText(n == 0 ? "" : "\u25CF");
        text.setStyle(n == 0 ? "" : ERROR_STYLE);
        if (n == 0) {
            for (TokenCell c : vm.tokensProperty()) {
                if (c.position() == 0) {
                    continue;
                }
                preview.getChildren().add(chip(c));
            }
            return;
        }
        String s = vm.textProperty().get();
        boolean[] bad = new boolean[s.length()];
        for (SequenceError e : vm.errorsProperty()) {
            for (int i = e.column() - 1; e.column() > 0 && i < Math.min(s.length(), e.column() - 1 + e.token().length()); i++) {
                bad[i] = true;
            }
        }
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && bad[j] == bad[i]) {
                j++;
            }
            Text t = new Text(s.substring(i, j));
            if (bad[i]) {
                t.setFill(Color.web("#d32f2f"));
                t.setUnderline(true);
            }
            preview.getChildren().add(t);
            i = j;
        }
    }

    /** One token as a chip in its role's colour: the same palette as the token strip (viz RoleColors). */
    static Label chip(TokenCell c) {
        Label l = new Label(c.text());
        // the fill stops 3 px short of the right edge: a gap between chips without a separate text node
        l.setBackground(new Background(new BackgroundFill(Palettes.fx(RoleColors.of(c.role())), new CornerRadii(3),
                new Insets(1, 3, 1, 0))));
        l.setPadding(new Insets(1, 6, 1, 3));
        l.setTextFill(Color.BLACK);
        l.setTooltip(new javafx.scene.control.Tooltip("position " + c.position() + ": " + RoleColors.label(c.role())));
        return l;
    }

    /** The editor (for the window's shortcuts and for tests). */
    public TextArea textArea() {
        return text;
    }

    /** The error list. */
    public ListView<SequenceError> errorList() {
        return errorList;
    }

    /** The answer table. */
    public TableView<AnswerTable.Answer> answerTable() {
        return answerTable;
    }

    /** The token preview. */
    public TextFlow preview() {
        return preview;
    }
}
