package org.haxlab.model.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupFailuresTest {

    @TempDir
    Path tmp;

    private NativesCache cacheUnder(Path root) {
        return new NativesCache(root, root.resolve("2.5.1-20241113-cpu-linux-x86_64"), "2.5.1-20241113", "cpu",
                "linux-x86_64", Map.of("libtorch.so", 100L, "libtorch_cpu.so", 400L << 20), false);
    }

    @Test
    void aWritableEmptyCacheWithRoomPasses() {
        assertDoesNotThrow(() -> StartupFailures.checkBeforeUnpack(cacheUnder(tmp.resolve("pytorch")), 1L << 40));
    }

    @Test
    void anUnwritableCacheRootSaysWhereAndSuggestsDjlCacheDir() throws IOException {
        // A regular file in the way: even root cannot create a folder below it.
        Path blocker = Files.createFile(tmp.resolve("home"));
        NativesCache cache = cacheUnder(blocker.resolve(".djl.ai").resolve("pytorch"));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> StartupFailures.checkBeforeUnpack(cache, 1L << 40));
        assertTrue(e.getMessage().contains(cache.cacheRoot().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("DJL_CACHE_DIR"), e.getMessage());
        assertTrue(e.getMessage().contains(blocker + " is a file, not a folder"), e.getMessage());
    }

    @Test
    void aFullDiskSaysHowMuchIsNeeded() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> StartupFailures.checkBeforeUnpack(cacheUnder(tmp.resolve("pytorch")), 10L << 20));
        assertTrue(e.getMessage().contains("only 10 MB"), e.getMessage());
        assertTrue(e.getMessage().contains("DJL_CACHE_DIR"), e.getMessage());
    }

    @Test
    void aDamagedCacheSaysWhichFolderToDelete() throws IOException {
        NativesCache cache = cacheUnder(tmp.resolve("pytorch"));
        Files.createDirectories(cache.dir());
        Files.write(cache.dir().resolve("libtorch.so"), new byte[100]);
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> StartupFailures.checkBeforeUnpack(cache, 1L << 40));
        assertTrue(e.getMessage().contains("Delete that folder"), e.getMessage());
        assertTrue(e.getMessage().contains(cache.dir().toString()), e.getMessage());
    }

    @Test
    void aLinkErrorIsExplainedWithTheFolderAndTheRootCause() {
        NativesCache cache = cacheUnder(tmp.resolve("pytorch"));
        Throwable failure = new IllegalStateException("engine failed",
                new UnsatisfiedLinkError("libtorch_cpu.so: file too short"));
        EngineUnavailableException e = StartupFailures.explain(failure, cache, 0);
        assertTrue(e.getMessage().contains("file too short"), e.getMessage());
        assertTrue(e.getMessage().contains("delete that folder"), e.getMessage());
        assertTrue(e.getCause() == failure);
    }

    @Test
    void aCudaBuildWithoutADeviceSaysSo() {
        Path root = tmp.resolve("pytorch");
        NativesCache cuda = new NativesCache(root, root.resolve("x"), "2.5.1", "cu124", "linux-x86_64",
                Map.of(), true);
        EngineUnavailableException e = StartupFailures.explain(new IllegalStateException("no"), cuda, 0);
        assertTrue(e.getMessage().contains("no CUDA device"), e.getMessage());
        assertTrue(e.getMessage().contains("without -Pcuda"), e.getMessage());
    }
}
