package org.haxlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application, headless: the window opens, the real engine starts off the FX thread, stop() cleans up. */
class HaxLabAppTest {

    private HaxLabApp app;

    @BeforeEach
    void launch() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (HaxLabApp) FxToolkit.setupApplication(HaxLabApp::new);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void opensTheMainWindowAndShowsTheEngineInTheStatusBar() throws Exception {
        FxRobot robot = new FxRobot();
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertEquals("HAX Lab", stage.getTitle());
        assertFalse(stage.getIcons().isEmpty());
        for (String id : new String[] {"#modelBar", "#sequencePanel", "#views", "#trainingPanel", "#statusBar"}) {
            assertNotNull(robot.lookup(id).query(), id);
        }
        Label status = robot.lookup("#engineStatus").queryAs(Label.class);
        // The real engine (CPU natives, cache already unpacked by the model tests or an earlier run).
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !status.getText().contains("starting"));
        assertTrue(status.getText().startsWith("Engine: PyTorch 2.5.1 · "), status.getText());
        // a first start on a working demo: a generated sequence with a model already answering
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> window.inspectionViewModel().inspectionProperty().get() != null);
        assertFalse(window.sequenceViewModel().textProperty().get().isBlank(), "not an empty editor");
        assertTrue(window.sequenceViewModel().errorsProperty().isEmpty(), "no red error");
        String inView = window.modelInView().text();
        String zoo = System.getProperty("haxlab.zoo");
        assertTrue(inView.contains(zoo == null ? "from model bar" : "from zoo"), inView);
    }

    @Test
    void opensOnTheZoosModelWhenThereIsAZoo() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.setProperty("haxlab.zoo", java.nio.file.Path.of("src", "test", "resources", "zoo", "zoo.json").toString());
        try {
            app = (HaxLabApp) FxToolkit.setupApplication(HaxLabApp::new);
            FxRobot robot = new FxRobot();
            MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                    () -> window.inspectionViewModel().inspectionProperty().get() != null);
            assertTrue(window.modelInView().text().startsWith("Mamba-2 +KS (zoo, 52.6 %)"), window.modelInView().text());
            assertTrue(window.modelInView().text().contains("from zoo"), window.modelInView().text());
            assertEquals(16, window.inspectionViewModel().inspectionProperty().get().predictions().size(),
                    "the zoo grid's largest table, 4 x 4");
        } finally {
            System.clearProperty("haxlab.zoo");
        }
    }
}
