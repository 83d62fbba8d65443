package org.haxlab.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackMonitorTest {

    @TempDir
    Path root;

    @Test
    void reportsGrowthOverTheStartingSizeCappedAtExpected() throws IOException {
        Files.write(root.resolve("already-there"), new byte[5000]); // another version's cache: not counted
        List<long[]> reports = new CopyOnWriteArrayList<>();
        try (UnpackMonitor monitor = new UnpackMonitor(root.resolve("."), 3000, 10_000,
                (done, expected) -> reports.add(new long[] {done, expected}))) {
            assertEquals(0, monitor.bytesDone());
            Path tmp = Files.createDirectories(root.resolve("tmp123"));
            Files.write(tmp.resolve("libc10.so"), new byte[1000]);
            assertEquals(1000, monitor.bytesDone());
            Files.move(tmp, root.resolve("2.5.1-cpu")); // DJL renames its temporary folder
            assertEquals(1000, monitor.bytesDone());
            Files.write(root.resolve("2.5.1-cpu").resolve("jni.tmp"), new byte[4000]);
            assertEquals(3000, monitor.bytesDone());
        }
        long[] last = reports.get(reports.size() - 1);
        assertEquals(3000, last[0]);
        assertEquals(3000, last[1]);
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0], "progress never goes back");
        }
    }

    @Test
    void aFolderThatDoesNotExistYetStartsAtZero() {
        try (UnpackMonitor monitor = new UnpackMonitor(root.resolve("later"), 10, 10_000, ProgressListener.NONE)) {
            assertEquals(0, monitor.bytesDone());
        }
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> new UnpackMonitor(root, 0, 10, ProgressListener.NONE));
    }
}
