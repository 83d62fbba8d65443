package org.haxlab.app.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code bench train} and {@code bench heatmap} end to end on tiny shapes, and the train row arithmetic. */
class TrainAndHeatmapCommandTest {

    private static List<String> lines(String s) {
        return Arrays.stream(s.strip().split("\\R")).toList();
    }

    @Test
    void trainRowRatioAndCsv() {
        TrainRow r = new TrainRow("mamba2", "hax", 4, 1000, new Stats(500, 450, 600, 3), new Stats(1000, 900, 1100, 3), "");
        assertEquals(8000, r.javaTokensPerS(), 1e-9);
        assertEquals(2.0, r.speedup(), 1e-12);
        assertEquals("mamba2,hax,4,1000,500.0,450.0,600.0,8000.0,1000.0,900.0,1100.0,4000.0,2.00", r.csv());
        TrainRow none = new TrainRow("mamba1", "ssm", 1, 10, new Stats(10, 10, 10, 1), null, "not run (--no-peer)");
        assertTrue(Double.isNaN(none.speedup()));
        assertTrue(none.csv().endsWith(",,,,"), none.csv());
    }

    @Test
    void trainStepWorksOnAThreadThatDidNotLoadTheEngine() throws Exception {
        // PyTorch's grad mode is per thread and DJL turns it off only where the engine loaded; the bench's
        // in-place weight updates must not depend on which thread that was
        ai.djl.engine.Engine.getInstance();
        BenchCli.Result[] r = new BenchCli.Result[1];
        Thread t = new Thread(() -> r[0] = BenchCli.run("bench", "train", "--backbones", "mamba2", "--patterns", "ssm",
                "--batch", "1", "--length", "24", "--warmup", "0", "--warmup-seconds", "0", "-r", "1", "--threads", "1", "--no-peer",
                "--format", "csv"));
        t.start();
        t.join();
        assertEquals(0, r[0].code(), r[0].err());
    }

    @Test
    void trainTimesTheJavaModelPerBackboneAndPattern() {
        BenchCli.Result r = BenchCli.run("bench", "train", "--backbones", "mamba1,mamba2", "--patterns", "ssm,sw",
                "--batch", "1", "--length", "40", "--warmup", "0", "--warmup-seconds", "0", "-r", "1", "--threads", "1", "--no-peer",
                "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> l = lines(r.out());
        assertEquals(TrainRow.CSV_HEADER, l.get(0));
        assertEquals(5, l.size(), r.out());
        assertTrue(l.get(1).startsWith("mamba1,ssm,1,40,"), l.get(1));
        assertTrue(l.get(4).startsWith("mamba2,sw,1,40,"), l.get(4));
        assertTrue(Double.parseDouble(l.get(1).split(",")[7]) > 0, l.get(1));
    }

    @Test
    void trainTimesEveryBatchSizeOfTheList() {
        BenchCli.Result r = BenchCli.run("bench", "train", "--backbones", "mamba2", "--patterns", "ssm,lsh",
                "--batch", "1,2", "--length", "24", "--warmup", "0", "--warmup-seconds", "0", "-r", "1", "--threads", "1", "--no-peer",
                "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> l = lines(r.out());
        assertEquals(5, l.size(), r.out());
        assertTrue(l.get(1).startsWith("mamba2,ssm,1,24,"), l.get(1));
        assertTrue(l.get(2).startsWith("mamba2,lsh,1,24,"), l.get(2));
        assertTrue(l.get(3).startsWith("mamba2,ssm,2,24,"), l.get(3));
        assertTrue(l.get(4).startsWith("mamba2,lsh,2,24,"), l.get(4));
        assertEquals(2, BenchCli.run("bench", "train", "--batch", "4,0", "--no-peer").code(), "a zero batch is refused");
    }

    @Test
    void trainRunsThePyTorchPeerAndPrintsTheRatio() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")) && PeerRunner.findScript() != null,
                "needs /usr/bin/python3 and the peer script");
        BenchCli.Result r = BenchCli.run("bench", "train", "--backbones", "mamba2", "--patterns", "hax",
                "--batch", "1", "--length", "40", "--warmup", "0", "--warmup-seconds", "0", "-r", "1", "--threads", "1", "--format", "csv");
        assumeTrue(!(r.out() + r.err()).contains("No module named 'torch'"), "needs python3-torch");
        assertEquals(0, r.code(), r.err());
        String row = lines(r.out()).get(1);
        String[] f = row.split(",", -1);
        assertEquals(13, f.length, row);
        assertTrue(Double.parseDouble(f[8]) > 0 && Double.parseDouble(f[12]) > 0, row + "\n" + r.err());
        assertTrue(r.err().contains("HAX Lab step no slower than PyTorch eager"), r.err());
    }

    @Test
    void heatmapReportsFramesAndTheTarget() {
        BenchCli.Result r = BenchCli.run("bench", "heatmap", "--size", "64", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        List<String> l = lines(r.out());
        assertEquals("frame,width,height,ms_median,ms_min,ms_max", l.get(0));
        assertEquals(4, l.size(), r.out());
        assertTrue(l.get(1).startsWith("whole matrix; 1 cell per pixel,64,64,"), l.get(1));
        assertTrue(r.err().contains("# target frame under 50 ms at 64 x 64"), r.err());
    }

    @Test
    void badSizesAndBackbonesAreRejected() {
        assertEquals(2, BenchCli.run("bench", "heatmap", "--size", "1").code());
        BenchCli.Result r = BenchCli.run("bench", "train", "--backbones", "rwkv", "--no-peer");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("rwkv"), r.err());
    }

    @Test
    void theWarmUpTimeIsAnOptionOfItsOwn() {
        for (String bad : new String[] {"-1", "NaN", "Infinity"}) {
            BenchCli.Result r = BenchCli.run("bench", "train", "--warmup-seconds", bad, "--no-peer");
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--warmup-seconds"), r.err());
        }
        BenchCli.Result r = BenchCli.run("bench", "train", "--backbones", "mamba2", "--patterns", "ssm",
                "--batch", "1", "--length", "16", "--warmup", "2", "--warmup-seconds", "0", "-r", "1",
                "--threads", "1", "--no-peer");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warmup 2 steps and 0.0 s at least"), r.out());
        assertTrue(r.out().contains("after 2 warm-up steps"), r.out());
        assertTrue(BenchCli.run("bench", "train", "--help").out().contains("--warmup-seconds=S"));
    }
}
