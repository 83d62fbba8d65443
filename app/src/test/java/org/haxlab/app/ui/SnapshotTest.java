package org.haxlab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.haxlab.app.Main;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.vm.View;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The headless snapshot: a whole window on a lesson, at the asked size, and its refusals. */
@ExtendWith(FxExtension.class)
class SnapshotTest {
    @TempDir
    Path tmp;

    @Test
    void rendersTheLessonsViewAtTheAskedSize() throws Exception {
        Path out = tmp.resolve("decay.png");
        try (ModelWorker worker = new ModelWorker()) {
            Snapshot.render(Path.of("..", "samples", "scenarios", "ssm-forgets.json"), View.DECAY, 1600, 1000, out, null,
                    worker);
        }
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(1600, img.getWidth());
        assertEquals(1000, img.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "a drawn window, not a blank one: " + colours.size() + " colours");
    }

    @Test
    void aBadScenarioIsRefusedNamingTheFile() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"format\": \"haxlab-scenario\"}");
        try (ModelWorker worker = new ModelWorker()) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> Snapshot.render(bad, View.SELECTION, 800, 600,
                    tmp.resolve("x.png"), null, worker));
            assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
        }
        assertTrue(Files.notExists(tmp.resolve("x.png")));
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhatIsAllowed() {
        var cl = Main.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("snapshot", "--scenario", "../samples/scenarios/ssm-forgets.json", "--tab", "sequence",
                "--out", tmp.resolve("a.png").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("no view 'sequence': the views are selection, buckets"), err.toString());
        err.reset();
        code = cl.execute("snapshot", "--scenario", "../samples/scenarios/ssm-forgets.json", "--size", "100x100",
                "--out", tmp.resolve("a.png").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("outside 640x400 .. 3840x2400"), err.toString());
    }
}
