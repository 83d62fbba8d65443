package org.haxlab.app.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The /proc memory probe and the peer's JSON line. */
class MemoryAndPeerTest {

    @Test
    void parsesStatusLines() {
        assertEquals(123, MemoryProbe.parseKb("    123 kB"));
        assertEquals(7, MemoryProbe.parseKb("7"));
    }

    @Test
    void peakIsAtLeastTheCurrentResidentSet() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
        MemoryProbe p = new MemoryProbe();
        p.reset();
        byte[] touch = new byte[32 << 20];
        for (int i = 0; i < touch.length; i += 4096) {
            touch[i] = 1;
        }
        assertTrue(p.rssMb() > 0);
        assertTrue(p.peakRssMb() >= p.rssMb() - 1, p.peakRssMb() + " < " + p.rssMb());
        assertTrue(p.peakHeapMb() >= 30, "heap peak " + p.peakHeapMb() + " MiB after a 32 MiB array");
        assertEquals(1, touch[4096]);
    }

    @Test
    void readsThePeersLastJsonLine() throws IOException {
        PeerRunner.Result r = PeerRunner.parse("warming up\n{\"impl\": \"pytorch-eager\", \"torch\": \"1.13.0\", "
                + "\"threads\": 2, \"ms_median\": 10.5, \"ms_min\": 9.0, \"ms_max\": 12.0, \"tokens_per_s\": 1000.0}\n");
        assertEquals("1.13.0", r.torch());
        assertEquals(2, r.threads());
        assertEquals(10.5, r.stats().median());
        assertEquals(1000.0, r.tokensPerS());
        assertEquals(-1, r.warmupSteps(), "an older peer does not say how long it warmed up");
        assertEquals(17, PeerRunner.parse("{\"torch\": \"2\", \"threads\": 1, \"ms_median\": 1, \"ms_min\": 1,"
                + " \"ms_max\": 1, \"tokens_per_s\": 1, \"warmup_steps\": 17}").warmupSteps());
        assertThrows(IOException.class, () -> PeerRunner.parse("Traceback: boom"));
        assertThrows(IOException.class, () -> PeerRunner.parse("{\"torch\": 1}"));
        assertTrue(Double.isNaN(r.matmulGflops()), "an older peer does not time a matrix product");
        String line = "{\"torch\": \"2\", \"threads\": 1, \"ms_median\": 1, \"ms_min\": 1, \"ms_max\": 1,"
                + " \"tokens_per_s\": 1, \"matmul_gflops\": %s}";
        assertEquals(12.5, PeerRunner.parse(String.format(line, "12.5")).matmulGflops());
        assertTrue(Double.isNaN(PeerRunner.parse(String.format(line, "null")).matmulGflops()), "a GPU peer says null");
    }

    @Test
    void aPeerOnAReferenceBlasIsFlagged() {
        String slow = BlasCheck.warning(5, 40);
        assertTrue(slow != null && slow.contains("8x slower") && slow.contains("libopenblas0-pthread"), slow);
        assertNull(BlasCheck.warning(20, 40), "half as fast: a different libtorch, not a reference BLAS");
        assertNull(BlasCheck.warning(Double.NaN, 40), "a GPU peer");
        assertNull(BlasCheck.warning(5, Double.NaN));
        assertTrue(BlasCheck.ourGflops() > 0);
    }

    @Test
    void givesThePeerTheRequestedEnvironment(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        // a stand-in peer: reports the allocator setting it was started with as its "torch" version
        Path script = dir.resolve("peer.sh");
        Files.writeString(script, "echo '{\"impl\": \"fake\", \"torch\": \"'\"${MALLOC_ARENA_MAX:-unset}\"'\", "
                + "\"threads\": 1, \"ms_median\": 1.0, \"ms_min\": 1.0, \"ms_max\": 1.0, \"tokens_per_s\": 1.0}'\n");
        PeerRunner tuned = new PeerRunner(Path.of("/bin/sh"), script, 30,
                org.haxlab.model.engine.NativeAllocator.ENVIRONMENT);
        assertEquals("1", tuned.run("mamba2", "ssm", 1, 8, 0, 0, 1, 1).torch());
        PeerRunner plain = new PeerRunner(Path.of("/bin/sh"), script, 30);
        String inherited = System.getenv("MALLOC_ARENA_MAX");
        assertEquals(inherited == null ? "unset" : inherited, plain.run("mamba2", "ssm", 1, 8, 0, 0, 1, 1).torch());
    }

    @Test
    void runsEveryModelInOnePeerProcess(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        // a stand-in peer: one result line per --configs entry, its median the entry's 1-based place; with
        // SHORT set it drops the last line
        Path script = dir.resolve("peer.sh");
        Files.writeString(script, """
                while [ "$1" != --configs ]; do shift; done
                n=0; for c in $(echo "$2" | tr , ' '); do n=$((n+1)); done
                [ -n "$SHORT" ] && n=$((n-1))
                i=1; while [ $i -le $n ]; do
                  echo "{\\"impl\\": \\"fake\\", \\"torch\\": \\"x\\", \\"threads\\": 1, \\"ms_median\\": $i, \\"ms_min\\": 1, \\"ms_max\\": 9, \\"tokens_per_s\\": 1}"
                  i=$((i+1)); done
                """);
        java.util.List<PeerRunner.Config> configs = java.util.List.of(new PeerRunner.Config("mamba1", "ssm", 8),
                new PeerRunner.Config("mamba2", "hax", 8), new PeerRunner.Config("mamba2", "hax", 64));
        java.util.List<PeerRunner.Result> all = new PeerRunner(Path.of("/bin/sh"), script, 30)
                .runAll(configs, 1057, 1, 0, 5, 2);
        assertEquals(3, all.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, all.get(i).stats().median(), 0.0, "results in the order of the configs");
        }
        PeerRunner shortPeer = new PeerRunner(Path.of("/bin/sh"), script, 30, java.util.Map.of("SHORT", "1"));
        IOException e = assertThrows(IOException.class, () -> shortPeer.runAll(configs, 1057, 1, 0, 5, 2));
        assertTrue(e.getMessage().contains("2 results for 3 models"), e.getMessage());
    }

    @Test
    void thePeerRunsOnTheDeviceItIsGiven() {
        PeerRunner peer = new PeerRunner(Path.of("/usr/bin/python3"), Path.of(PeerRunner.SCRIPT), 30);
        java.util.List<String> cpu = peer.command("mamba2", "hax", 8, 1057, 1, 2.5, 5, 2);
        assertEquals("cpu", cpu.get(cpu.indexOf("--device") + 1), "CPU unless told otherwise");
        assertEquals("1", cpu.get(cpu.indexOf("--warmup") + 1));
        assertEquals("2.5", cpu.get(cpu.indexOf("--warmup-seconds") + 1), "the peer warms up by the same rule");
        java.util.List<String> cuda = peer.onDevice("cuda").command("mamba2", "hax", 8, 1057, 1, 2.5, 5, 2);
        assertEquals("cuda", cuda.get(cuda.indexOf("--device") + 1));
        assertThrows(IllegalArgumentException.class, () -> peer.onDevice("tpu"));
    }
}
