package org.haxlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.View;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.viz.decay.DecayChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens one lesson after another the way a teacher does (a generated sequence first, then the sample
 * scenarios), and reads what every tab shows after each: no tab may stay on its "run a model" sentence
 * because of what the previous lesson left behind.
 */
@ExtendWith(ApplicationExtension.class)
class LessonAfterLessonTest {

    private MainWindow window;
    private final ModelWorker worker = new ModelWorker();

    @Start
    void start(Stage stage) {
        window = new MainWindow(ModelWork.of(worker), ModelLoader.standard(), Debouncer.immediate());
        stage.setScene(new Scene(window, MainWindow.WIDTH, MainWindow.HEIGHT));
        stage.show();
    }

    @AfterEach
    void closeWorker() throws Exception {
        window.dispose();
        drain();
        worker.close();
    }

    private void drain() throws Exception {
        for (int i = 0; i < 3; i++) {
            worker.submit(() -> null).get(120, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void open(FxRobot robot, String name) throws Exception {
        Path file = Path.of("..", "samples", "scenarios", name);
        robot.interact(() -> {
            try {
                window.openScenario(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        drain();
    }

    @Test
    void stateDecayFollowsEachLessonOpenedAfterAGeneratedSequence(FxRobot robot) throws Exception {
        robot.interact(() -> {
            var seq = window.sequenceViewModel();
            seq.setContexts(3);
            seq.setKeys(3);
            seq.setSeed(2);
            seq.generate();
        });
        drain();
        assertNotNull(window.inspectionViewModel().inspectionProperty().get(), window.statusBar().workText());

        open(robot, "ssm-forgets.json");
        assertDecayShowsPinnedAnswer();
        open(robot, "hax-recalls.json");
        robot.interact(() -> window.views().select(View.DECAY));
        assertDecayShowsPinnedAnswer();
        open(robot, "window-misses-context.json");
        open(robot, "ssm-forgets.json");
        assertDecayShowsPinnedAnswer();
        // a HAX model has something to show in every view (a plain SSM has no buckets or selected keys)
        open(robot, "hax-recalls.json");
        assertEveryTabShowsContent(robot);
    }

    /** The pinned query's answer is the token the decay chart follows, drawn on the new lesson's layer. */
    private void assertDecayShowsPinnedAnswer() {
        Inspection in = window.inspectionViewModel().inspectionProperty().get();
        assertNotNull(in, window.statusBar().workText());
        Integer pinned = window.inspectionViewModel().pinnedProperty().get();
        assertNotNull(pinned);
        var d = window.inspectionViewModel().diagnosisAt(pinned);
        assertNotNull(d, "the pinned position is a query");
        DecayTab tab = (DecayTab) window.views().contentOf(View.DECAY);
        assertTrue(tab.getCenter() instanceof DecayChart, "the decay chart is shown, not the empty sentence");
        assertEquals(d.source().valuePosition(), tab.chosenToken(), "the chart follows the pinned query's answer");
    }

    /** Every inspection tab shows its view (not a placeholder) once a model answered. */
    private void assertEveryTabShowsContent(FxRobot robot) throws Exception {
        for (View v : View.values()) {
            robot.interact(() -> window.views().select(v));
            if (v == View.SLICING) {
                robot.interact(() -> window.viewModel().slicingCommands().run(4));
            }
            drain();
            Node content = window.views().selectedContent();
            assertNotNull(content, v.id());
            assertFalse(content instanceof Placeholder, v.id() + " shows a placeholder");
            assertFalse(robot.from(content).lookup(".placeholder").queryAll().stream().anyMatch(Node::isVisible),
                    v.id() + " shows a visible placeholder: " + window.statusBar().workText());
        }
    }
}
