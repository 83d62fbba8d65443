package org.haxlab.app.ui;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import java.util.ArrayList;
import java.util.List;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.scenario.ScenarioFiles;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.export.CsvExport;
import org.haxlab.viz.export.FigureExport;
import org.haxlab.app.vm.View;
import org.haxlab.viz.export.FigureInfo;
import org.haxlab.viz.export.SvgExport;

/**
 * The menu bar: File (scenarios, the lesson's note, checkpoints, exports, quit), View (classroom mode) and
 * Help (guided tour, ready lessons, about).
 * Menu items open the dialogs; the work is done by {@link MainWindow}'s commands and the static
 * export methods here, which tests call without dialogs.
 */
final class MainMenus {
    /** Cell size of the exported selection matrix in SVG user units. */
    static final double SVG_CELL = 4;

    private final MainWindow window;
    private final MenuBar bar = new MenuBar();

    MainMenus(MainWindow window) {
        this.window = window;
        bar.setId("menuBar");
        bar.getMenus().addAll(file(), view(), help());
    }

    MenuBar menuBar() {
        return bar;
    }

    private Menu file() {
        MenuItem open = item("Open scenario…", "Shortcut+O", () -> {
            File f = chooser("Open scenario", "*.json").showOpenDialog(owner());
            if (f != null && replaceTrainedModel("the lesson's model")) {
                try {
                    window.openScenario(f.toPath());
                } catch (ScenarioException e) {
                    ErrorDialog.show(owner(), "This scenario cannot be opened", e.getMessage());
                }
            }
        });
        MenuItem save = item("Save scenario…", "Shortcut+S", () -> {
            FileChooser c = chooser("Save scenario", "*.json");
            var current = window.scenarioProperty().get();
            // a name to start from, never an empty field: the lesson's title, else "lesson"
            c.setInitialFileName((current == null ? "lesson" : slug(current.title())) + ".json");
            File f = c.showSaveDialog(owner());
            if (f == null) {
                return;
            }
            String suggested = window.scenarioProperty().get() == null ? f.getName().replaceFirst("\\.json$", "")
                    : window.scenarioProperty().get().title();
            TextInputDialog title = new TextInputDialog(suggested);
            title.initOwner(owner());
            title.setHeaderText("Title of the scenario");
            title.showAndWait().filter(t -> !t.isBlank()).ifPresent(t -> {
                try {
                    window.saveScenario(f.toPath(), t.trim());
                } catch (ScenarioException | IllegalStateException e) {
                    ErrorDialog.show(owner(), "The scenario was not saved", e.getMessage());
                }
            });
        });
        MenuItem note = item("Edit lesson title and note…", null, this::editNote);
        note.setId("editNoteMenu");
        MenuItem checkpoint = item("Open checkpoint…", null, () -> {
            DirectoryChooser c = new DirectoryChooser();
            c.setTitle("Open checkpoint (a run directory or its best/ or last/)");
            File d = c.showDialog(owner());
            if (d != null && replaceTrainedModel("the checkpoint's model")) {
                window.viewModel().openCheckpoint(d.toPath());
            }
        });
        MenuItem png = item("Export view as PNG…", null, () -> {
            // capacity, compare and the diagnosis are not per layer: their figures name no layer
            boolean perLayer = java.util.EnumSet.of(View.SELECTION, View.BUCKETS, View.DECAY, View.SPARSITY)
                    .contains(window.views().selected());
            FigureInfo info = figure(tabTitle(), inspection(), perLayer ? layerIndex() : -1);
            save("Export view as PNG", "*.png", info.fileName("png"),
                    p -> exportPng(window.views().selectedContent(), info, p));
        });
        MenuItem svgMatrix = item("Export selection matrix as SVG…", null, () -> save("Export selection matrix as SVG",
                "*.svg", figure("Selected keys", inspection(), layerIndex()).fileName("svg"),
                p -> Files.writeString(p, matrixSvg(inspection(), layer()), StandardCharsets.UTF_8)));
        MenuItem svgStrip = item("Export token strip as SVG…", null, () -> save("Export token strip as SVG", "*.svg",
                figure("Token strip", inspection(), -1).fileName("svg"),
                p -> Files.writeString(p, stripSvg(inspection()), StandardCharsets.UTF_8)));
        MenuItem csv = item("Export matrix as CSV…", null, () -> save("Export selection matrix as CSV", "*.csv",
                figure("Selected keys", inspection(), layerIndex()).fileName("csv"),
                p -> exportCsv(inspection(), layer(), p)));
        MenuItem predictions = item("Export answers as CSV…", null, () -> save("Export answers as CSV", "*.csv",
                figure("Answers", inspection(), -1).fileName("csv"), p -> exportAnswersCsv(inspection(), p)));
        MenuItem quit = item("Quit", "Shortcut+Q", Platform::exit);
        Menu m = new Menu("File");
        m.getItems().addAll(open, save, note, checkpoint, new javafx.scene.control.SeparatorMenuItem(), png, svgMatrix,
                svgStrip, csv, predictions, new javafx.scene.control.SeparatorMenuItem(), quit);
        return m;
    }

    private Menu view() {
        CheckMenuItem classroom = new CheckMenuItem("Classroom mode");
        classroom.setId("classroomMenu");
        classroom.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        var vm = window.modelBarViewModel();
        classroom.setSelected(vm.classroomProperty().get());
        classroom.selectedProperty().addListener((o, was, now) -> vm.setClassroom(now));
        vm.classroomProperty().addListener((o, was, now) -> classroom.setSelected(now));
        Menu m = new Menu("View");
        m.getItems().add(classroom);
        return m;
    }

    private Menu help() {
        MenuItem about = item("About HAX Lab", null, () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.initOwner(owner());
            a.setTitle("About HAX Lab");
            a.setHeaderText("HAX Lab: SSMs, sparse attention and HAX on joint recall");
            a.setContentText(about());
            a.show();
        });
        MenuItem tour = item("Guided tour", "F1", () -> new GuidedTour(window.viewModel()).show(owner()));
        tour.setId("guidedTourMenu");
        Menu lessons = new Menu("Lessons");
        lessons.setId("lessonsMenu");
        // listed when opened, so lessons added while the app runs show up
        lessons.setOnShowing(e -> lessons.getItems().setAll(lessonItems()));
        lessons.getItems().setAll(lessonItems());
        Menu m = new Menu("Help");
        m.getItems().addAll(tour, lessons, new javafx.scene.control.SeparatorMenuItem(), about);
        return m;
    }

    /** One item per lesson in {@link #LESSONS}, titled by the lesson; a single disabled item when there are none. */
    List<MenuItem> lessonItems() {
        List<MenuItem> items = new ArrayList<>();
        for (Path f : lessonFiles()) {
            String title;
            try {
                title = ScenarioFiles.load(f).title();
            } catch (ScenarioException e) {
                title = f.getFileName() + " (cannot be opened: " + e.problem() + ")";
            }
            items.add(item(title, null, () -> {
                if (!replaceTrainedModel("the lesson's model")) {
                    return;
                }
                try {
                    window.openScenario(f);
                } catch (ScenarioException e) {
                    ErrorDialog.show(owner(), "This lesson cannot be opened", e.getMessage());
                }
            }));
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("No lessons in " + LESSONS.toAbsolutePath());
            none.setDisable(true);
            items.add(none);
        }
        return items;
    }

    /** The ready lessons shipped with HAX Lab (relative to the working directory, like the model zoo). */
    static final Path LESSONS = Path.of("samples", "scenarios");

    private static List<Path> lessonFiles() {
        if (!Files.isDirectory(LESSONS)) {
            return List.of();
        }
        try (var files = Files.list(LESSONS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The About text: what the app is, and the engine it got. */
    String about() {
        var info = window.engineProperty().get();
        return "Mamba-1 / Mamba-2 with context-independent sparse attention and HAX (LSH + key selection), after "
                + "Zhan et al., arXiv 2507.00449.\n\nEngine: " + (info == null ? "not started yet" : info.describe())
                + "\nJava " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version");
    }

    // ---- exports (static: tests call them without dialogs) ----

    /**
     * What an export of the view {@code title} says about itself: the model of {@code in}, the layer
     * (-1: not per layer) and the sequence excerpt.
     */
    static FigureInfo figure(String title, Inspection in, int layer) {
        return new FigureInfo(title, in == null ? "" : in.config().label(), in == null ? -1 : layer,
                in == null ? "" : FigureInfo.excerpt(in.tokens(), Vocabulary::name));
    }

    /** Writes a snapshot of {@code node} under the header of {@code info} as PNG (FX thread). */
    static void exportPng(Node node, FigureInfo info, Path file) throws IOException {
        if (node == null) {
            throw new IOException("no view is open");
        }
        FigureExport.png(node, info, null, file);
    }

    /** The full-resolution selection matrix of {@code layer} as a figure that stands alone (SVG). */
    static String matrixSvg(Inspection in, LayerInspection layer) throws IOException {
        AttentionSelection sel = selection(layer);
        return SvgExport.selectionFigure(figure("Selected keys", in, layer.layer()), sel, in.tokens(), Vocabulary::name,
                org.haxlab.viz.heatmap.SelectionRaster.Style.defaults(), SVG_CELL);
    }

    /** The token strip with right / wrong marks of {@code in} as a figure that stands alone (SVG). */
    static String stripSvg(Inspection in) throws IOException {
        if (in == null) {
            throw new IOException("nothing to export: run a model on a valid sequence first");
        }
        return SvgExport.tokenStripFigure(figure("Token strip", in, -1), in.tokens(), in.predictions(), Vocabulary::name,
                14, 18);
    }

    /** Every selected (query, key) pair of {@code layer} with tokens, components and weight, as CSV. */
    static void exportCsv(Inspection in, LayerInspection layer, Path file) throws IOException {
        AttentionSelection sel = selection(layer);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvExport.selection(sel, in.tokens(), Vocabulary::name, w);
        }
    }

    /** Every query's expected and predicted answer with token text, as CSV. */
    static void exportAnswersCsv(Inspection in, Path file) throws IOException {
        if (in == null) {
            throw new IOException("nothing to export: run a model on a valid sequence first");
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvExport.predictions(in.tokens(), in.predictions(), Vocabulary::name, w);
        }
    }

    private static AttentionSelection selection(LayerInspection layer) throws IOException {
        if (layer == null || layer.selection() == null) {
            throw new IOException("nothing to export: run a model on a valid sequence first");
        }
        return layer.selection();
    }

    // ---- helpers ----

    private interface Export {
        void write(Path file) throws IOException;
    }

    private void save(String title, String pattern, String proposedName, Export export) {
        FileChooser c = chooser(title, pattern);
        c.setInitialFileName(exportName(proposedName));
        File f = c.showSaveDialog(owner());
        if (f == null) {
            return;
        }
        try {
            export.write(f.toPath());
            window.workStatus().done("Exported " + f);
        } catch (IOException | RuntimeException e) {
            window.workStatus().failed("Export failed: " + e.getMessage());
            ErrorDialog.show(owner(), "The export failed", ErrorDialog.userMessage(e));
        }
    }

    private LayerInspection layer() {
        return window.inspectionViewModel().currentLayerProperty().get();
    }

    private int layerIndex() {
        LayerInspection l = layer();
        return l == null ? -1 : l.layer();
    }

    private String tabTitle() {
        return window.views().selected().title();
    }

    private Inspection inspection() {
        return window.inspectionViewModel().inspectionProperty().get();
    }

    private FileChooser chooser(String title, String pattern) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File samples = new File("samples/scenarios");
        if (pattern.equals("*.json") && samples.isDirectory()) {
            c.setInitialDirectory(samples);
        }
        return c;
    }

    /**
     * An export's suggested name: the lesson's name (when one is open) before the figure's own name, which
     * names the view, the model and the layer, e.g. "ssm-forgets_selected-keys_mamba-2-hax_layer0.png".
     */
    String exportName(String figureName) {
        var current = window.scenarioProperty().get();
        return current == null ? figureName : slug(current.title()) + "_" + figureName;
    }

    /** Asks (while the views show the model being trained) before another model replaces it; true to go ahead. */
    private boolean replaceTrainedModel(String replacement) {
        return window.viewModel().replaceGuard().openInstead(replacement);
    }

    /** A file name from a title: lower case, words joined by '-'. */
    static String slug(String title) {
        String s = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "lesson" : s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** A dialog to edit the lesson's title and teaching note (saved with the next Save scenario). */
    private void editNote() {
        var current = window.scenarioProperty().get();
        javafx.scene.control.Dialog<javafx.util.Pair<String, String>> d = new javafx.scene.control.Dialog<>();
        d.initOwner(owner());
        d.setTitle("Lesson title and note");
        d.setHeaderText("What should a student look at, and why? (saved with File > Save scenario)");
        javafx.scene.control.TextField title = new javafx.scene.control.TextField(current == null ? "My lesson"
                : current.title());
        title.setId("lessonTitleField");
        javafx.scene.control.TextArea note = new javafx.scene.control.TextArea(current == null ? "" : current.note());
        note.setId("lessonNoteField");
        note.setWrapText(true);
        note.setPrefRowCount(6);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, new javafx.scene.control.Label("Title"), title,
                new javafx.scene.control.Label("Teaching note"), note);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        d.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty()
                .bind(title.textProperty().isEmpty());
        d.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK
                ? new javafx.util.Pair<>(title.getText().trim(), note.getText().trim()) : null);
        d.showAndWait().ifPresent(p -> window.viewModel().editNote(p.getKey(), p.getValue()));
    }

    private Window owner() {
        return window.getScene() == null ? null : window.getScene().getWindow();
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem i = new MenuItem(text);
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
