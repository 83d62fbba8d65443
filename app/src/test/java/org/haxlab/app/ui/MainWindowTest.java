package org.haxlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.model.engine.EngineUnavailableException;
import org.haxlab.model.engine.NativesCache;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.sparse.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless smoke test of the main window (Monocle): its parts, a real model run on a generated
 * sequence down to the selection matrix and the token strip, bad input, a sample scenario, the splash
 * and the engine's error path.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final EngineInfo ENGINE = new EngineInfo("PyTorch", "2.5.1", "cpu()", 0, Path.of("/cache"),
            "CPU build of the natives (pytorch-native-cpu): no GPU support; build with -Pcuda for GPUs");

    private MainWindow window;
    private final ModelWorker worker = new ModelWorker();

    @Start
    void start(Stage stage) {
        // real models on the real model thread; no debounce so a test knows when the run was asked for
        window = new MainWindow(ModelWork.of(worker), ModelLoader.standard(), Debouncer.immediate());
        Scene scene = new Scene(window, MainWindow.WIDTH, MainWindow.HEIGHT);
        Assets.dress(stage, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeWorker() throws Exception {
        window.dispose();
        drain();
        worker.close();
    }

    /** Waits until the model thread is idle, then for the FX callbacks it posted. */
    private void drain() throws Exception {
        for (int i = 0; i < 3; i++) {
            worker.submit(() -> null).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void hasAllPartsWithHonestEmptyStates(FxRobot robot) {
        for (String id : new String[] {"#modelBar", "#sequencePanel", "#views", "#trainingPanel", "#statusBar", "#menuBar"}) {
            Node node = robot.lookup(id).query();
            assertNotNull(node, id);
            assertTrue(node.isVisible() && node.getLayoutBounds().getWidth() > 0, id + " is laid out");
        }
        assertEquals(window.getLeft(), robot.lookup("#sequencePanel").query());
        assertEquals(window.getRight(), robot.lookup("#trainingPanel").query());
        TabPane views = robot.lookup("#views").queryAs(TabPane.class);
        assertEquals(org.haxlab.app.vm.View.values().length, views.getTabs().size());
        assertEquals("Selected keys", views.getSelectionModel().getSelectedItem().getText());
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        assertEquals("File View Help", String.join(" ", menus.getMenus().stream().map(m -> m.getText()).toList()));
        assertTrue(window.statusBar().workText().contains("generate a sequence"), window.statusBar().workText());
        assertEquals("Engine: starting…", robot.lookup("#engineStatus").queryAs(Label.class).getText());
        Stage stage = (Stage) window.getScene().getWindow();
        assertFalse(stage.getIcons().isEmpty(), "window icon from assets");
        assertTrue(window.getScene().getStylesheets().get(0).endsWith("assets/haxlab.css"));
    }

    @Test
    void generatedSequenceRunsTheModelAndHoverLightsTheQueryKeys(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.modelBarViewModel().setPattern(Pattern.SW); // a window: every query reads its recent keys
            var seq = window.sequenceViewModel();
            seq.setContexts(2);
            seq.setKeys(2);
            seq.setSeed(7);
            seq.generate();
        });
        drain();
        Inspection in = window.inspectionViewModel().inspectionProperty().get();
        assertNotNull(in, window.statusBar().workText());
        assertEquals(Pattern.SW, in.config().sparse().pattern());
        SelectionTab tab = window.selectionTab();
        assertEquals(in.layers().get(0).selection(), tab.matrix().selectionProperty().get(), "the matrix is filled");
        assertTrue(window.statusBar().workText().contains("queries right"), window.statusBar().workText());

        // the mouse (Monocle's robot) over the matrix: the row under it hovers, its keys light up
        robot.moveTo(tab.matrix());
        WaitForAsyncUtils.waitForFxEvents();
        var cell = tab.matrix().hoveredCellProperty().get();
        assertNotNull(cell, "the robot's mouse reached the matrix");
        assertEquals(cell.query(), window.inspectionViewModel().hoveredProperty().get());
        assertFalse(window.inspectionViewModel().activeKeysProperty().isEmpty());
        assertTrue(tab.matrix().overlayText().startsWith("query " + cell.query()), tab.matrix().overlayText());
        robot.moveTo(window.modelBar());

        // hovering the first query in the token strip selects the same keys the view model derives
        int query = in.predictions().get(0).position();
        robot.interact(() -> tab.strip().hoverAt((query + 0.5) * tab.strip().getWidth() / in.length(), 5));
        assertEquals(query, window.inspectionViewModel().activePositionProperty().get());
        var keys = window.inspectionViewModel().activeKeysProperty();
        assertFalse(keys.isEmpty());
        assertTrue(keys.stream().allMatch(k -> k.key() <= query && query - k.key() < 64), "window keys, causal");
        assertTrue(tab.exactText().startsWith("query " + query), tab.exactText());
        assertTrue(tab.exactText().contains(keys.size() + SelectionTab.HEAVIEST_FIRST), tab.exactText());
        // listed by weight, so the key the query reads is never cut off behind the "…"
        String listed = tab.exactText().substring(tab.exactText().indexOf(SelectionTab.HEAVIEST_FIRST)
                + SelectionTab.HEAVIEST_FIRST.length()).split("\n")[0].replace(" …", "");
        double[] weights = java.util.Arrays.stream(listed.split(", "))
                .mapToDouble(k -> Double.parseDouble(k.substring(k.lastIndexOf(' ') + 1))).toArray();
        for (int i = 1; i < weights.length; i++) {
            assertTrue(weights[i] <= weights[i - 1], listed);
        }
        double heaviest = keys.stream().mapToDouble(org.haxlab.model.trace.SelectedKey::weight).max().orElseThrow();
        assertEquals(heaviest, weights[0], 5e-5, listed);
        // each lit key takes the colour of the component that chose it (window here), never a role colour
        int litKey = keys.get(0).key();
        // (read from the strip, not a snapshot: the hover label covers the highlight band there)
        int lit = WaitForAsyncUtils.asyncFx(() -> tab.strip().highlightOf(litKey)).get();
        assertEquals(org.haxlab.viz.heatmap.ComponentColors.of(org.haxlab.model.trace.Component.WINDOW), lit);

        // the strip lies under the matrix's columns and follows its zoom; the axes label positions
        var m = tab.matrix().localToScene(tab.matrix().getLayoutBounds());
        var s = tab.strip().localToScene(tab.strip().getLayoutBounds());
        assertEquals(m.getMinX(), s.getMinX(), 0.5);
        assertEquals(m.getWidth(), s.getWidth(), 0.5);
        robot.interact(() -> tab.matrix().zoomAt(tab.matrix().getWidth() * 0.7, 20, 3));
        var v = tab.matrix().viewportProperty().get();
        assertEquals(v.x0(), tab.strip().viewport().x0(), 1e-9, "zoomed: the strip follows");
        assertEquals(v.spanX(), tab.strip().viewport().spanX(), 1e-9);
        assertFalse(tab.aligned().keyAxis().visibleLabels().isEmpty());
        robot.interact(() -> tab.matrix().resetView());
        assertTrue(tab.matrix().overlayText().startsWith("query " + query), "the strip lights the matrix row too");

        // the layer selector drives the views
        robot.interact(() -> window.modelBarViewModel().selectLayer(1));
        assertEquals(in.layers().get(1).selection(), tab.matrix().selectionProperty().get());
    }

    @Test
    void exportsAndSavedScenariosHoldWhatTheWindowShows(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            window.modelBarViewModel().setPattern(Pattern.HAX);
            var seq = window.sequenceViewModel();
            seq.setContexts(2);
            seq.setKeys(2);
            seq.generate();
        });
        drain();
        Inspection in = window.inspectionViewModel().inspectionProperty().get();
        assertNotNull(in, window.statusBar().workText());
        var layer = window.inspectionViewModel().currentLayerProperty().get();
        MainMenus.exportCsv(in, layer, dir.resolve("m.csv"));
        var lines = Files.readAllLines(dir.resolve("m.csv"));
        assertEquals("query,query_token,key,key_token,components,weight", lines.get(0));
        assertEquals(layer.selection().keys().length + 1, lines.size(), "one line per selected pair");
        String[] first = lines.get(1).split(",");
        assertEquals(org.haxlab.model.task.Vocabulary.name(in.tokens()[Integer.parseInt(first[2])]), first[3],
                "the key's token text next to its position");
        String svg = MainMenus.matrixSvg(in, layer);
        assertTrue(svg.contains("<svg ") && svg.contains(in.config().label()) && svg.contains("layer: " + layer.layer()),
                "the SVG names its model and layer");
        String strip = MainMenus.stripSvg(in);
        assertTrue(strip.contains("Token strip") && strip.contains(in.tokens().length + " tokens: "), "title and sequence");
        MainMenus.exportAnswersCsv(in, dir.resolve("a.csv"));
        assertEquals(in.predictions().size() + 1, Files.readAllLines(dir.resolve("a.csv")).size());
        var info = MainMenus.figure("Selected keys", in, layer.layer());
        assertTrue(info.fileName("png").startsWith("selected-keys_"), info.fileName("png"));
        robot.interact(() -> {
            try {
                MainMenus.exportPng(window.views().selectedContent(), info, dir.resolve("v.png"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        var png = javax.imageio.ImageIO.read(dir.resolve("v.png").toFile());
        var view = window.views().selectedContent();
        assertTrue(png.getHeight() > view.getLayoutBounds().getHeight() + 30, "a header above the view");

        robot.interact(() -> {
            try {
                window.saveScenario(dir.resolve("s.json"), "my lesson");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        var saved = org.haxlab.app.scenario.ScenarioFiles.load(dir.resolve("s.json"));
        assertEquals("my lesson", saved.title());
        assertEquals(window.sequenceViewModel().textProperty().get(), saved.sequence());
        assertEquals(in.config(), saved.models().get(0).config());
        assertEquals(org.haxlab.app.vm.View.SELECTION, saved.view().tab());
    }

    @Test
    void anInvalidSequenceRunsNothingAndSaysWhy(FxRobot robot) throws Exception {
        robot.interact(() -> window.sequencePanel().textArea().setText("A a 3 b 2 | A x ?"));
        drain();
        assertNull(window.inspectionViewModel().inspectionProperty().get());
        assertFalse(window.sequencePanel().errorList().getItems().isEmpty(), "the errors stay inline");
        assertTrue(window.statusBar().workText().startsWith("No model run: the sequence has"),
                window.statusBar().workText());
    }

    @Test
    void aSampleScenarioLoadsItsSequenceModelsAndTab(FxRobot robot) throws Exception {
        openSample(robot, "hax-recalls.json");
        assertEquals(org.haxlab.app.vm.View.SELECTION, window.views().selected());
        assertTrue(window.lesson().getText().startsWith("HAX recalls"));
        Inspection in = window.inspectionViewModel().inspectionProperty().get();
        assertNotNull(in, window.statusBar().workText());
        assertEquals(158, in.length());
        assertTrue(in.layers().get(0).hasBuckets(), "HAX hashes");
        assertEquals(137, window.inspectionViewModel().pinnedProperty().get());
        assertTrue(window.modelBarViewModel().classroomProperty().get());
        assertTrue(window.getStyle().contains("font-size"), "classroom mode enlarges the fonts");
    }

    @Test
    void theTrainedComparisonShowsFourColumnsWithTheirAccuracies(FxRobot robot) throws Exception {
        openSample(robot, "compare-trained.json");
        assertEquals(org.haxlab.app.vm.View.COMPARE, window.views().selected());
        assertEquals(4, window.compareViewModel().slotsProperty().size());
        for (int i = 0; i < 4; i++) {
            assertNotNull(window.compareViewModel().inspectionsProperty().get(i), "slot " + i + ": " + window.statusBar().workText());
            javafx.scene.Node matrix = robot.lookup("#compareMatrix" + i).query();
            assertTrue(matrix.isVisible(), "column " + i);
        }
        assertTrue(robot.lookup(".panel-title").queryAllAs(javafx.scene.control.Label.class).stream()
                .filter(l -> l.getText().contains("% right")).count() >= 4, "every column says its accuracy");
    }

    @Test
    void theModelBarAsksBeforeReplacingTheLessonsTrainedModelAndKeepPutsTheChoiceBack(FxRobot robot) throws Exception {
        openSample(robot, "trained-ks-vs-ssm.json");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Pattern> pattern = robot.lookup("#modelBarPattern").queryAs(javafx.scene.control.ChoiceBox.class);
        java.util.List<String> asked = new java.util.ArrayList<>();
        // the tests answer for the user: a modal dialog would block the robot
        robot.interact(() -> window.viewModel().replaceGuard().setConfirm(q -> asked.add(q.header()) && false));
        robot.interact(() -> pattern.setValue(Pattern.SW));
        drain();
        assertEquals(java.util.List.of("Replace the lesson's trained model with an untrained Mamba-2 +SW (k=8)?"), asked);
        assertEquals(Pattern.KS, pattern.getValue(), "Keep: the choice shows the kept pattern");
        assertEquals(Pattern.KS, window.inspectionViewModel().inspectionProperty().get().config().sparse().pattern());
        assertTrue(window.modelInView().text().contains("from lesson"), window.modelInView().text());

        robot.interact(() -> window.viewModel().replaceGuard().setConfirm(q -> asked.add(q.header())));
        robot.interact(() -> pattern.setValue(Pattern.SW));
        drain();
        assertEquals(2, asked.size());
        assertEquals(Pattern.SW, pattern.getValue());
        assertEquals(Pattern.SW, window.inspectionViewModel().inspectionProperty().get().config().sparse().pattern());
        assertTrue(window.modelInView().text().contains("from model bar"), window.modelInView().text());
    }

    @Test
    void theReplaceDialogNamesBothAnswersAndKeepIsTheDefault(FxRobot robot) {
        var q = new org.haxlab.app.vm.Confirm.Question("t", "Replace A with B?", "why", "Replace", "Keep");
        javafx.scene.control.Alert a = org.haxlab.viz.fxtest.FxExtension.onFx(() -> new ConfirmDialog(() -> null).dialog(q));
        var buttons = a.getDialogPane().getButtonTypes().stream().map(javafx.scene.control.ButtonType::getText).toList();
        assertEquals(java.util.List.of("Replace", "Keep"), buttons);
        assertEquals("Replace A with B?", a.getHeaderText());
        var keep = (javafx.scene.control.Button) a.getDialogPane().lookupButton(a.getDialogPane().getButtonTypes().get(1));
        assertTrue(keep.isDefaultButton(), "Enter keeps");
    }

    @Test
    void firstStartShowsTheSplashWithProgressThenTheEngine(FxRobot robot) throws Exception {
        NativesCache cache = new NativesCache(Path.of("/home/u/.djl.ai/pytorch"),
                Path.of("/home/u/.djl.ai/pytorch/2.5.1-20241113-cpu-linux-x86_64"), "2.5.1-20241113", "cpu",
                "linux-x86_64", Map.of("libtorch_cpu.so", 400L << 20), false);
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EngineStartupFlow flow = new EngineStartupFlow(worker, listener -> {
            listener.onUnpackStarted(cache);
            listener.onProgress(100L << 20, 400L << 20);
            shown.countDown();
            await(release);
            listener.onUnpackFinished();
            return ENGINE;
        }, window);
        robot.interact(flow::start);
        assertTrue(shown.await(5, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        Label detail = robot.lookup("#splashDetail").queryAs(Label.class);
        assertEquals("100 / 400 MB", detail.getText());
        assertTrue(robot.lookup("#engineStatus").queryAs(Label.class).getText().contains("unpacking"));
        release.countDown();
        drain();
        assertEquals("Engine: " + ENGINE.summary(), window.statusBar().engineText());
        assertEquals(ENGINE, flow.engineProperty().get());
        assertFalse(Window.getWindows().stream().anyMatch(w -> w.getScene().lookup("#startupSplash") != null),
                "the splash is closed once the engine is up");
    }

    @Test
    void aFailedStartShowsTheMessageInADialogAndTheStatusBar(FxRobot robot) throws Exception {
        String message = "Cannot unpack the PyTorch natives: /ro/.djl.ai/pytorch cannot be written. Set DJL_CACHE_DIR.";
        EngineStartupFlow flow = new EngineStartupFlow(worker, listener -> {
            throw new EngineUnavailableException(message, new IllegalStateException("raw"));
        }, window);
        robot.interact(flow::start);
        drain();
        Label shown = robot.lookup("#errorMessage").queryAs(Label.class);
        assertEquals(message, shown.getText());
        assertEquals("Engine unavailable: " + message, window.statusBar().engineText());
        robot.interact(() -> ((Stage) shown.getScene().getWindow()).close());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Opens a sample lesson as File > Open scenario does, and waits for its model runs. */
    private void openSample(FxRobot robot, String name) throws Exception {
        Path file = Path.of("..", "samples", "scenarios", name);
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath().toString());
        robot.interact(() -> {
            try {
                window.openScenario(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        drain();
    }
}
