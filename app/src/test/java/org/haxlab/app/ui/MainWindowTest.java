package org.haxlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.model.engine.EngineUnavailableException;
import org.haxlab.model.engine.NativesCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Headless smoke test of the main window (Monocle in CI): its parts, the splash and the error path. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final EngineInfo ENGINE = new EngineInfo("PyTorch", "2.5.1", "cpu()", 0, Path.of("/cache"),
            "CPU build of the natives (pytorch-native-cpu): no GPU support; build with -Pcuda for GPUs");

    private MainWindow window;
    private final ModelWorker worker = new ModelWorker();

    @Start
    void start(Stage stage) {
        window = new MainWindow();
        Scene scene = new Scene(window, MainWindow.WIDTH, MainWindow.HEIGHT);
        Assets.dress(stage, scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void hasAllPartsWithHonestEmptyStates(FxRobot robot) {
        for (String id : new String[] {"#modelBar", "#sequencePanel", "#views", "#trainingPanel", "#statusBar"}) {
            Node node = robot.lookup(id).query();
            assertNotNull(node, id);
            assertTrue(node.isVisible() && node.getLayoutBounds().getWidth() > 0, id + " is laid out");
        }
        assertEquals(window.getTop(), robot.lookup("#modelBar").query());
        assertEquals(window.getLeft(), robot.lookup("#sequencePanel").query());
        assertEquals(window.getRight(), robot.lookup("#trainingPanel").query());
        TabPane views = robot.lookup("#views").queryAs(TabPane.class);
        assertEquals(ViewTabs.TITLES.size(), views.getTabs().size());
        Placeholder attention = (Placeholder) views.getTabs().get(0).getContent();
        assertTrue(attention.message().contains("Generate or type a sequence to begin"));
        assertTrue(robot.lookup("#sequenceText").queryAs(TextArea.class).getPromptText().startsWith("e.g. A a 3"));
        assertEquals(SequencePanel.EMPTY + ".", robot.lookup("#sequenceHint").queryAs(Label.class).getText());
        assertEquals("Engine: starting…", robot.lookup("#engineStatus").queryAs(Label.class).getText());
        Stage stage = (Stage) window.getScene().getWindow();
        assertFalse(stage.getIcons().isEmpty(), "window icon from assets");
        assertTrue(window.getScene().getStylesheets().get(0).endsWith("assets/haxlab.css"));
    }

    @Test
    void theRobotCanSwitchTabsAndType(FxRobot robot) {
        // Exercises Monocle's glass robot (mouse and keyboard), not only the scene graph.
        robot.clickOn("Buckets");
        TabPane views = robot.lookup("#views").queryAs(TabPane.class);
        assertEquals("Buckets", views.getSelectionModel().getSelectedItem().getText());
        assertTrue(robot.lookup("#sequenceHint").query().isVisible());
        robot.clickOn("#sequenceText").write("A a 3 | A a ?");
        assertEquals("A a 3 | A a ?", window.sequencePanel().sequenceText());
        assertFalse(robot.lookup("#sequenceHint").query().isVisible(), "the hint goes once there is text");
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
        // Wait for the model thread to drain, then for the FX callbacks it posted.
        worker.submit(() -> null).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
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
        worker.submit(() -> null).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
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
}
