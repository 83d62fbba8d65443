package org.haxlab.app.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code haxlab inspect} with the real model on the spec's example sequence. */
class InspectCommandTest {

    private static final String SPEC_EXAMPLE = "A a 3 b 2 B b 4 a 1 | B a ? b ? A b ? a ?";

    @TempDir
    Path tmp;

    @Test
    void printsEveryLayerWithSelectedKeysBucketsAndPredictions() {
        CliTestSupport.Result r = CliTestSupport.run("inspect", "--backbone", "mamba2", "--pattern", "hax", "--k", "4",
                "--sequence", SPEC_EXAMPLE);
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("haxlab-inspection/1", j.get("format").getAsString());
        assertEquals("hax", j.getAsJsonObject("model").get("pattern").getAsString());
        int length = j.get("length").getAsInt();
        assertEquals(22, length, "BOS + 20 typed tokens + the teacher-forced values");
        JsonArray layers = j.getAsJsonArray("layers");
        assertEquals(2, layers.size());
        for (JsonElement le : layers) {
            JsonObject layer = le.getAsJsonObject();
            assertEquals(length, layer.getAsJsonArray("q_bucket").size());
            assertEquals(length, layer.getAsJsonArray("ks_score").size());
            JsonArray selected = layer.getAsJsonArray("selected");
            for (int i = 0; i < length; i++) {
                JsonArray row = selected.get(i).getAsJsonArray();
                assertTrue(row.size() <= 4, "at most k keys per query");
                for (JsonElement key : row) {
                    int k = key.getAsJsonObject().get("key").getAsInt();
                    assertTrue(k <= i, "causal: key " + k + " for query " + i);
                    String first = key.getAsJsonObject().getAsJsonArray("components").get(0).getAsString();
                    assertTrue(first.equals("lsh") || first.equals("ks"), first);
                }
            }
        }
        assertEquals(4, j.getAsJsonArray("predictions").size());
        JsonArray predictions = j.getAsJsonArray("predictions");
        int[] expected = {11, 14, 12, 13};   // B a -> 1, B b -> 4, A b -> 2, A a -> 3 (value v is token 10 + v)
        for (int q = 0; q < expected.length; q++) {
            assertEquals(expected[q], predictions.get(q).getAsJsonObject().get("expected").getAsInt());
        }
    }

    @Test
    void vectorsLetTheBinsBeRecomputedIndependently() {
        CliTestSupport.Result r = CliTestSupport.run("inspect", "--pattern", "lsh", "--variant", "paper", "--vectors",
                "--sequence", SPEC_EXAMPLE, "--positions", "queries");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        int length = j.get("length").getAsInt();
        for (JsonElement le : j.getAsJsonArray("layers")) {
            JsonObject layer = le.getAsJsonObject();
            assertEquals("read_all_positions_including_future", layer.get("empty_rows").getAsString());
            JsonObject v = layer.getAsJsonObject("vectors");
            assertEquals("paper", v.get("variant").getAsString());
            int n = v.get("d_state").getAsInt();
            int h = v.get("hash_width").getAsInt();
            assertEquals(32, n);
            assertEquals(8, h);
            JsonArray q = v.getAsJsonArray("q");
            assertEquals(length, q.size(), "every position's row, whatever --positions says");
            JsonArray proj = v.getAsJsonArray("projection");
            assertEquals(n, proj.size());
            // the released rule from the printed numbers: centre and L2-normalise every channel along the sequence,
            // project, bit b set when projection b > 0
            double[][] c = new double[length][n];
            for (int d = 0; d < n; d++) {
                double mean = 0;
                for (int t = 0; t < length; t++) {
                    mean += q.get(t).getAsJsonArray().get(d).getAsDouble() / length;
                }
                double sq = 0;
                for (int t = 0; t < length; t++) {
                    c[t][d] = q.get(t).getAsJsonArray().get(d).getAsDouble() - mean;
                    sq += c[t][d] * c[t][d];
                }
                for (int t = 0; t < length; t++) {
                    c[t][d] /= Math.max(Math.sqrt(sq), 1e-12);
                }
            }
            JsonArray positions = j.getAsJsonArray("positions");
            for (int i = 0; i < positions.size(); i++) {
                int t = positions.get(i).getAsInt();
                int bin = 0;
                for (int b = 0; b < h; b++) {
                    double s = 0;
                    for (int d = 0; d < n; d++) {
                        s += c[t][d] * proj.get(d).getAsJsonArray().get(b).getAsDouble();
                    }
                    bin |= s > 0 ? 1 << b : 0;
                }
                assertEquals(bin, layer.getAsJsonArray("q_bucket").get(i).getAsInt(), "q bin of position " + t);
            }
        }
        CliTestSupport.Result causal = CliTestSupport.run("inspect", "--pattern", "lsh", "--sequence", SPEC_EXAMPLE);
        JsonObject layer0 = JsonParser.parseString(causal.out()).getAsJsonObject().getAsJsonArray("layers").get(0)
                .getAsJsonObject();
        assertEquals("zero", layer0.get("empty_rows").getAsString());
        assertTrue(layer0.get("vectors") == null, "vectors only with --vectors");
    }

    @Test
    void positionsAndLayersNarrowTheOutput() {
        CliTestSupport.Result r = CliTestSupport.run("inspect", "--pattern", "sw", "--sequence", SPEC_EXAMPLE,
                "--positions", "queries", "--layers", "1");
        assertEquals(0, r.code(), r.err());
        JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("[13,15,18,20]", j.getAsJsonArray("positions").toString());
        assertEquals(1, j.getAsJsonArray("layers").size());
        JsonObject layer = j.getAsJsonArray("layers").get(0).getAsJsonObject();
        assertEquals(1, layer.get("layer").getAsInt());
        assertTrue(layer.getAsJsonArray("q_bucket").get(0).isJsonNull(), "sliding window has no buckets");
        JsonArray row = layer.getAsJsonArray("selected").get(0).getAsJsonArray();
        assertEquals(14, row.size(), "window 64 covers positions 0..13 of query 13");
    }

    @Test
    void invalidSequenceNamesThePositionAndExitsOne() {
        CliTestSupport.Result r = CliTestSupport.run("inspect", "--sequence", "A a 3 | B a ?");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("invalid sequence"), r.err());
    }

    @Test
    void unusableCheckpointIsOneLineAndExitOne() throws Exception {
        Path bogus = Files.createDirectories(tmp.resolve("ckpt"));
        Files.writeString(bogus.resolve("run.json"), "{ not json");
        CliTestSupport.Result r = CliTestSupport.run("inspect", "--checkpoint", bogus.toString(), "--sequence", SPEC_EXAMPLE);
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: unusable checkpoint:"), r.err());
    }

    @Test
    void badPositionsIsAUsageError() {
        CliTestSupport.Result r = CliTestSupport.run("inspect", "--sequence", SPEC_EXAMPLE, "--positions", "x..y");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--positions"), r.err());
    }

    @Test
    void outKeepsAnExistingFileThatIsNotAnInspection() throws Exception {
        // the sequence file given as --out too: before, the JSON replaced the user's sequence
        Path seq = Files.writeString(tmp.resolve("mine.txt"), SPEC_EXAMPLE + "\n");
        CliTestSupport.Result r = CliTestSupport.run("inspect", "--pattern", "sw", "--file", seq.toString(),
                "--out", seq.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out " + seq + ": the file exists and is not an inspection JSON"), r.err());
        assertEquals(SPEC_EXAMPLE + "\n", Files.readString(seq));
    }

    @Test
    void outRewritesAnEarlierInspection() throws Exception {
        Path json = tmp.resolve("inspection.json");
        for (int i = 0; i < 2; i++) {
            CliTestSupport.Result r = CliTestSupport.run("inspect", "--pattern", "sw", "--sequence", SPEC_EXAMPLE,
                    "--layers", "0", "--out", json.toString());
            assertEquals(0, r.code(), r.err());
        }
        assertTrue(Files.readString(json).contains("haxlab-inspection/1"));
        Files.writeString(json, "");
        assertEquals(0, CliTestSupport.run("inspect", "--pattern", "sw", "--sequence", SPEC_EXAMPLE, "--layers", "0",
                "--out", json.toString()).code(), "an empty file holds nothing to lose");
    }
}
