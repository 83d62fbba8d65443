package org.haxlab.app.scenario;

import org.haxlab.model.task.SequenceText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file in samples/scenarios loads, and the lessons are there. */
class SampleScenariosTest {

    @Test
    void everySampleScenarioLoads() throws Exception {
        Path dir = Path.of("..", "samples", "scenarios");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(List.of("compare-trained-mamba2.json", "compare-trained.json", "hax-recalls.json", "ssm-forgets.json", "trained-ks-vs-ssm.json",
                        "window-misses-context.json"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            Scenario s = ScenarioFiles.load(f);
            assertFalse(s.note().isBlank(), f + " has a teaching note");
            assertTrue(SequenceText.parse(s.sequence()).sequence().queries() > 0, f.toString());
            String json = ScenarioFiles.toJson(s, f.toAbsolutePath().getParent());
            if (Files.readString(f).contains("\"zoo\":")) {
                // a lesson naming zoo models by id is written back with their configs and checkpoints: the same lesson
                assertEquals(s, ScenarioFiles.fromJson(json, f.toAbsolutePath().getParent(), f), f.toString());
            } else {
                // what is saved is exactly what the writer produces: the file is canonical
                assertEquals(Files.readString(f), json, f.toString());
            }
            // a referenced checkpoint exists and was trained with exactly the model config the scenario names
            for (org.haxlab.app.vm.ModelSlot m : s.models()) {
                if (m.checkpoint() != null) {
                    assertEquals(m.config(), new org.haxlab.model.train.CheckpointStore().read(m.checkpoint()).record().model(),
                            f + ": " + m.label());
                }
            }
        }
    }
}
