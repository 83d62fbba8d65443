package org.haxlab.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Starts the real engine (the CPU natives are a test dependency; the cache is unpacked once per machine). */
class EngineStartupTest {

    @Test
    void startsPytorch251OfflineOnTheCpuAndSaysWhyThereIsNoGpu() {
        EngineInfo info = EngineStartup.start(ProgressListener.NONE);
        assertEquals("PyTorch", info.engineName());
        assertEquals("2.5.1", info.engineVersion());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(Files.isRegularFile(info.nativesDir().resolve("libtorch.so")), info.nativesDir().toString());
        if (!info.hasGpu()) {
            assertEquals(Device.cpu().toString(), info.device());
            assertTrue(info.note().contains("CPU build") || info.note().contains("no CUDA device"), info.note());
        }
        assertTrue(info.summary().startsWith("PyTorch 2.5.1 · "), info.summary());
        assertSame(info, EngineStartup.start(ProgressListener.NONE), "one start per process");
        assertTrue(EngineStartup.isStarted());
        assertEquals(false, EngineStartup.needsUnpack());
    }

    @Test
    void deviceNotesSayWhy() {
        assertTrue(EngineStartup.deviceNote(false, "cpu", 0).contains("-Pcuda"));
        assertTrue(EngineStartup.deviceNote(true, "cu124", 0).contains("nvidia-smi"));
        assertEquals("CUDA build (cu124) with 2 GPUs", EngineStartup.deviceNote(true, "cu124", 2));
    }

    @Test
    void engineInfoChecksItsFields() {
        assertThrows(IllegalArgumentException.class,
                () -> new EngineInfo("PyTorch", "2.5.1", "cpu()", -1, Path.of("/x"), "n"));
        assertThrows(NullPointerException.class,
                () -> new EngineInfo("PyTorch", null, "cpu()", 0, Path.of("/x"), "n"));
    }
}
