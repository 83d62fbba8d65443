package org.haxlab.app.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.haxlab.app.scenario.Scenario;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.scenario.ScenarioFiles;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.sparse.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zoo reader on a tiny zoo of the real sample checkpoints, its errors, and scenarios naming zoo models. */
class ZooFilesTest {
    /** A tiny zoo over {@code samples/checkpoints/} (the tests run in {@code app/}). */
    static final Path TINY = Path.of("src", "test", "resources", "zoo", "zoo.json");
    private static final Path SAMPLES = Path.of("..", "samples", "checkpoints").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void readsTheGridTheModelsAndTheirCheckpointsConfigs() throws Exception {
        Zoo zoo = ZooFiles.load(TINY);
        assertEquals(new ZooGrid(2, 4, 2, 4), zoo.grid());
        assertEquals(2, zoo.models().size());
        ZooModel ks = zoo.get("mamba2-ks");
        assertEquals(Pattern.KS, ks.pattern());
        assertEquals(Backbone.MAMBA2, ks.backbone());
        assertEquals(32, ks.config().dModel());
        assertEquals(SAMPLES.resolve("mamba2-ks-d32"), ks.checkpoint());
        assertEquals(0.526, ks.accuracy(), 1e-9);
        assertEquals("Mamba-2 +KS (zoo, 52.6 %)", ks.label());
        assertEquals(Pattern.NONE, zoo.get("mamba2-ssm").pattern());
        // no +HAX in this zoo: the showcase falls back to the most accurate model, whatever the backbone
        assertEquals("mamba2-ks", zoo.showcase(Backbone.MAMBA2).id());
        assertEquals("mamba2-ks", zoo.showcase(Backbone.MAMBA1).id());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> zoo.get("mamba1-hax"));
        assertTrue(unknown.getMessage().contains("mamba2-ks, mamba2-ssm"), unknown.getMessage());
    }

    private Path zoo(String models) throws Exception {
        Path f = tmp.resolve("zoo.json");
        Files.writeString(f, "{\"grid\": {\"contexts\": \"4..6\", \"keys\": \"4..6\"}, \"models\": [" + models + "]}",
                StandardCharsets.UTF_8);
        return f;
    }

    private static String model(String id, String pattern, String extra) {
        return "{\"name\": \"M\", \"id\": \"" + id + "\", \"checkpoint\": \"" + SAMPLES.resolve("mamba2-ks-d32")
                + "\", \"backbone\": \"mamba2\", \"pattern\": \"" + pattern + "\", \"accuracy\": 0.5" + extra + "}";
    }

    private void refused(String models, String field, String words) throws Exception {
        Path f = zoo(models);
        ZooException e = assertThrows(ZooException.class, () -> ZooFiles.load(f));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
    }

    @Test
    void badZoosAreRefusedNamingTheFieldAndWhy() throws Exception {
        refused(model("a", "hax", ""), "models[0].pattern", "says 'hax' but the checkpoint holds 'ks'");
        refused(model("a", "ks", ", \"dModel\": 64"), "models[0].dModel", "says 64 but the checkpoint holds 32");
        refused(model("a", "ks", "") + "," + model("a", "ks", ""), "models", "'a' appears twice");
        refused(model("a", "ks", ", \"accuracy\": 95"), "models[0].accuracy", "fraction in 0..1");
        refused(model("a", "ks", ", \"steps\": 1e12"), "models[0].steps", "at most 2147483647, not 1e12");
        refused(model("a", "ks", ", \"steps\": -3"), "models[0].steps", "whole number >= 0");
        refused(model("a", "ks", "").replace("\"name\": \"M\", ", ""), "models[0].name", "is missing");
        refused(model("a", "ks", "").replace(SAMPLES.resolve("mamba2-ks-d32").toString(), "nowhere"),
                "models[0].checkpoint", "not a usable checkpoint");
        refused(model("a", "ks", ", \"contexts\": \"6..4\", \"keys\": \"4\""), "models[0]", "contexts 6..4");
        refused("", "models", "non-empty array");
        Path f = tmp.resolve("broken.json");
        Files.writeString(f, "{\"grid\": ", StandardCharsets.UTF_8);
        ZooException e = assertThrows(ZooException.class, () -> ZooFiles.load(f));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    }

    @Test
    void unreadableZoosAndRecordsAreDescribedWithoutJavaNames() throws Exception {
        Path latin = Files.write(tmp.resolve("latin.json"), new byte[] {(byte) 0xFF, '{', '}'});
        assertEquals(latin + ": cannot be read: " + latin + " is not UTF-8 text: byte 0xFF at offset 0 is not valid "
                + "UTF-8 (save the file as UTF-8)", assertThrows(ZooException.class, () -> ZooFiles.load(latin)).getMessage());
        Path truncated = tmp.resolve("truncated.json");
        Files.writeString(truncated, "{\"grid\": {\"contexts\": \"4..6", StandardCharsets.UTF_8);
        String message = assertThrows(ZooException.class, () -> ZooFiles.load(truncated)).getMessage();
        assertTrue(message.contains("is not valid JSON: Unterminated string at line 1"), message);
        // a checkpoint whose run.json was cut short (an interrupted copy)
        Path copy = Files.createDirectories(tmp.resolve("cut"));
        Path source = SAMPLES.resolve("mamba2-ks-d32");
        Files.copy(source.resolve("weights.ndlist"), copy.resolve("weights.ndlist"));
        Files.writeString(copy.resolve("run.json"), Files.readString(source.resolve("run.json")).substring(0, 200));
        Path f = zoo(model("a", "ks", "").replace(source.toString(), copy.toString()));
        ZooException cut = assertThrows(ZooException.class, () -> ZooFiles.load(f));
        assertEquals("models[0].checkpoint", cut.field());
        assertTrue(cut.getMessage().contains("is not a usable checkpoint: not valid JSON: "), cut.getMessage());
        for (String m : new String[] {message, cut.getMessage()}) {
            assertFalse(m.contains("Exception") || m.contains("https://") || m.contains("setStrictness"), m);
        }
    }

    @Test
    void aScenarioNamesAZooModelByIdAndFindsTheNearestZoo() throws Exception {
        Files.writeString(tmp.resolve("zoo.json"), Files.readString(TINY).replace("../../../../../samples/checkpoints/",
                SAMPLES.toString().replace('\\', '/') + "/"), StandardCharsets.UTF_8);
        Path lessons = Files.createDirectories(tmp.resolve("scenarios"));
        String json = """
                {"format": "haxlab-scenario", "version": 1, "title": "zoo lesson",
                 "sequence": "A a 3 b 2 | A a ? b ?",
                 "models": [{"zoo": "mamba2-ks"}, {"zoo": "mamba2-ssm", "label": "plain"}],
                 "view": {"tab": "diagnosis", "layer": 0, "hoveredQuery": null, "pinnedQuery": null, "zoom": 1.0}}
                """;
        Path file = lessons.resolve("l.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Scenario s = ScenarioFiles.load(file);
        assertEquals(Pattern.KS, s.models().get(0).config().sparse().pattern());
        assertEquals(SAMPLES.resolve("mamba2-ks-d32"), s.models().get(0).checkpoint());
        assertEquals("Mamba-2 +KS (zoo, 52.6 %)", s.models().get(0).label());
        assertEquals("plain", s.models().get(1).label());

        Files.writeString(file, json.replace("mamba2-ssm", "mamba1-hax"), StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(file));
        assertTrue(e.getMessage().contains("models[1].zoo") && e.getMessage().contains("no model 'mamba1-hax'"),
                e.getMessage());
    }

    @Test
    void aScenarioWithoutAZooNearbySaysSo() throws Exception {
        Path file = tmp.resolve("l.json");
        Files.writeString(file, """
                {"format": "haxlab-scenario", "version": 1, "title": "t", "sequence": "A a 3 | A a ?",
                 "models": [{"zoo": "mamba2-hax"}],
                 "view": {"tab": "selection", "layer": 0, "hoveredQuery": null, "pinnedQuery": null, "zoom": 1.0}}
                """, StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(file));
        assertTrue(e.getMessage().contains("no zoo.json"), e.getMessage());
    }
}
