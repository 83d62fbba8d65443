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
    }
}
