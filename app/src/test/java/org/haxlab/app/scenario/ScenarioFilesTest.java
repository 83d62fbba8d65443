package org.haxlab.app.scenario;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.haxlab.app.vm.ModelSlot;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFilesTest {
    private static final String SEQ = "A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?";

    @TempDir
    Path dir;

    private Scenario scenario(Path checkpoint) {
        ModelConfig hax = ModelConfig.paper(Backbone.MAMBA1,
                new SparseConfig(Pattern.HAX, 32, 6, SparseConfig.LshRule.ARGMAX, 1024, SparseConfig.Variant.PAPER,
                        SparseConfig.AttentionPath.SPARSE), -7L);
        return new Scenario("Two models", "look at query 13", SEQ,
                List.of(new ModelSlot("hax", hax, checkpoint), ModelSlot.of(ModelConfig.paper(Backbone.MAMBA2, Pattern.NONE))),
                new ViewState(org.haxlab.app.vm.View.BUCKETS, 1, 13, 20, 2.5), true);
    }

    @Test
    void roundTripKeepsEveryFieldAndStoresCheckpointsRelative() throws Exception {
        Path ckpt = dir.resolve("runs/hax/best.ckpt");
        Scenario s = scenario(ckpt);
        Path file = dir.resolve("lessons/two.json");
        ScenarioFiles.save(s, file);
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals("../runs/hax/best.ckpt", json.getAsJsonArray("models").get(0).getAsJsonObject()
                .get("checkpoint").getAsString());
        assertTrue(json.getAsJsonArray("models").get(1).getAsJsonObject().get("checkpoint").isJsonNull());
        assertEquals("ARGMAX", json.getAsJsonArray("models").get(0).getAsJsonObject().getAsJsonObject("config")
                .getAsJsonObject("sparse").get("lshRule").getAsString(), "enums by name");
        assertEquals(s, ScenarioFiles.load(file));
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("s.json");
        ScenarioFiles.save(scenario(null), file);
        Scenario second = new Scenario("Second", "", SEQ, List.of(ModelSlot.of(ModelConfig.paper(Backbone.MAMBA2,
                Pattern.SW))), ViewState.initial(), false);
        ScenarioFiles.save(second, file);
        assertEquals(second, ScenarioFiles.load(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedSaveKeepsTheOldFileAndCleansUp() throws Exception {
        Path target = dir.resolve("taken");
        Files.createDirectories(target.resolve("inside"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.save(scenario(null), target));
        assertTrue(e.getMessage().contains("cannot be written"), e.getMessage());
        assertTrue(Files.isDirectory(target.resolve("inside")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left behind");
        }
    }

    /** Saves the good scenario, edits its JSON, and expects a load error on {@code field}. */
    private void assertRefused(Consumer<JsonObject> edit, String field, String words) throws Exception {
        JsonObject json = JsonParser.parseString(ScenarioFiles.toJson(scenario(null), dir)).getAsJsonObject();
        edit.accept(json);
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(file));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(words), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "the message names the file: " + e.getMessage());
    }

    private static JsonObject config(JsonObject root, int model) {
        return root.getAsJsonArray("models").get(model).getAsJsonObject().getAsJsonObject("config");
    }

    @Test
    void loadingNamesTheFieldAndWhatIsWrong() throws Exception {
        assertRefused(j -> j.remove("title"), "title", "missing");
        assertRefused(j -> j.addProperty("format", "something-else"), "format", "not a HAX Lab scenario");
        assertRefused(j -> j.addProperty("version", 2), "version", "newer");
        assertRefused(j -> j.addProperty("sequence", "A a 3 | A x ?"), "sequence", "invalid sequence");
        assertRefused(j -> config(j, 0).addProperty("backbone", "MAMBA3"), "models[0].config.backbone",
                "not one of MAMBA1, MAMBA2");
        assertRefused(j -> config(j, 1).addProperty("dModel", "wide"), "models[1].config.dModel", "whole number");
        assertRefused(j -> config(j, 1).addProperty("layers", 1.5), "models[1].config.layers", "whole number");
        assertRefused(j -> config(j, 0).getAsJsonObject("sparse").addProperty("budget", 33),
                "models[0].config.sparse", "multiple of 2");
        assertRefused(j -> config(j, 0).remove("sparse"), "models[0].config.sparse", "missing");
        assertRefused(j -> j.getAsJsonArray("models").get(0).getAsJsonObject().addProperty("checkpoint", " "),
                "models[0].checkpoint", "empty");
        assertRefused(j -> j.getAsJsonObject("view").addProperty("layer", 2), "view.layer", "does not exist");
        assertRefused(j -> j.getAsJsonObject("view").addProperty("pinnedQuery", 22), "view.pinnedQuery", "past");
        assertRefused(j -> j.getAsJsonObject("view").addProperty("zoom", 0), "view", "zoom");
        assertRefused(j -> j.add("models", new com.google.gson.JsonArray()), "models", "1 to 4");
    }

    @Test
    void notJsonAtAll() throws Exception {
        Path file = dir.resolve("x.json");
        Files.writeString(file, "{\"format\": ");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(file));
        assertEquals("", e.field());
        assertTrue(e.problem().contains("not valid JSON"), e.getMessage());
        ScenarioException missing = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(dir.resolve("nope.json")));
        assertTrue(missing.problem().contains("cannot be read"), missing.getMessage());
    }
}
