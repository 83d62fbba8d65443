package org.haxlab.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesCacheTest {

    @TempDir
    Path root;

    private NativesCache locate() {
        return NativesCache.locate(getClass().getClassLoader(), root);
    }

    @Test
    void findsTheCpuNativesOfPytorch251OnTheClasspath() {
        NativesCache cache = locate();
        assertEquals("2.5.1", cache.pytorchVersion());
        assertEquals("cpu", cache.flavor());
        assertFalse(cache.cudaBuild());
        assertEquals(root.resolve(cache.version() + "-cpu-" + cache.classifier()), cache.dir());
        assertTrue(cache.files().containsKey("libtorch_cpu.so"), cache.files().toString());
        assertTrue(cache.files().keySet().stream().anyMatch(f -> f.endsWith("-libdjl_torch.so")));
        // About 425 MB of libraries: the exact sizes come from the jar entries.
        assertTrue(cache.expectedBytes() > 400L << 20 && cache.expectedBytes() < 500L << 20,
                "expected ~425 MB, got " + cache.expectedBytes());
    }

    @Test
    void stateFollowsTheFilesOnDisk() throws IOException {
        NativesCache cache = locate();
        assertEquals(NativesCache.State.ABSENT, cache.state());
        Files.createDirectories(cache.dir());
        assertEquals(NativesCache.State.INCOMPLETE, cache.state());
        // Sparse files of the right sizes stand in for the real libraries.
        for (Map.Entry<String, Long> file : cache.files().entrySet()) {
            try (var channel = java.nio.channels.FileChannel.open(cache.dir().resolve(file.getKey()),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(0);
                channel.position(file.getValue() - 1).write(java.nio.ByteBuffer.wrap(new byte[] {0}));
            }
        }
        assertEquals(NativesCache.State.PRESENT, cache.state());
        try (var channel = java.nio.channels.FileChannel.open(cache.dir().resolve("libtorch_cpu.so"),
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(1000); // an interrupted copy
        }
        assertEquals(NativesCache.State.INCOMPLETE, cache.state());
    }

    @Test
    void noNativesOnTheClasspathIsAClearError() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                    () -> NativesCache.locate(empty, root));
            assertTrue(e.getMessage().contains("pytorch-native-cpu"), e.getMessage());
        }
    }

    @Test
    void externalNativesNeedNoJarAndSayWhichBuildTheyAre() {
        java.nio.file.Path dir = java.nio.file.Path.of("/opt/libtorch");
        NativesCache cuda = NativesCache.external(dir, "2.5.1", "cu124");
        org.junit.jupiter.api.Assertions.assertTrue(cuda.cudaBuild());
        org.junit.jupiter.api.Assertions.assertEquals(dir, cuda.dir());
        org.junit.jupiter.api.Assertions.assertEquals(0, cuda.expectedBytes(), "nothing to unpack");
        NativesCache unnamed = NativesCache.external(dir, null, null);
        org.junit.jupiter.api.Assertions.assertEquals("cpu", unnamed.flavor());
        org.junit.jupiter.api.Assertions.assertFalse(unnamed.cudaBuild());
    }
}
