package org.haxlab.model.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Safe run folders: one run at a time, no silent reuse, no leftovers of killed saves. */
class RunFolderTest {

    @TempDir
    Path tmp;

    private static RunFolderException refused(Path dir, RunFolder.Mode mode) {
        return assertThrows(RunFolderException.class, () -> RunFolder.open(dir, mode).close());
    }

    @Test
    void secondRunInTheSameProcessIsRefusedNamingTheHolder() throws Exception {
        Path dir = tmp.resolve("run");
        try (RunFolder first = RunFolder.open(dir, RunFolder.Mode.NEW)) {
            Files.writeString(dir.resolve("metrics.csv"), MetricsCsv.HEADER + "\n");
            RunFolderException e = refused(dir, RunFolder.Mode.OVERWRITE);
            assertEquals(RunFolderException.Reason.IN_USE, e.reason());
            assertTrue(e.getMessage().contains("in use by another run in this process (pid "
                    + ProcessHandle.current().pid()), e.getMessage());
            // the refused attempt must not have dropped the first run's lock
            assertEquals(RunFolderException.Reason.IN_USE, refused(dir, RunFolder.Mode.RESUME).reason());
            assertTrue(Files.exists(dir.resolve("metrics.csv")), "a refused --overwrite deletes nothing");
        }
        try (RunFolder again = RunFolder.open(dir, RunFolder.Mode.OVERWRITE)) {
            assertFalse(Files.exists(dir.resolve("metrics.csv")), "released after close, then cleared");
        }
    }

    @Test
    void secondProcessIsRefusedUntilTheHolderDies() throws Exception {
        Path dir = tmp.resolve("run");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", cp, LockHolderMain.class.getName(), dir.toString()))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("locked "), "child: " + line);
            RunFolderException e = refused(dir, RunFolder.Mode.NEW);
            assertEquals(RunFolderException.Reason.IN_USE, e.reason());
            assertTrue(e.getMessage().contains("pid " + child.pid() + " on "), e.getMessage());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        // the OS drops a dead process's lock: the folder is usable again
        RunFolder.open(dir, RunFolder.Mode.NEW).close();
        // read only after closing: opening the lock file elsewhere in the holding process would drop its lock
        assertTrue(Files.readString(dir.resolve(RunFolder.LOCK_FILE)).contains("pid " + ProcessHandle.current().pid()));
    }

    @Test
    void newRunIntoANonEmptyFolderIsRefusedSayingWhatToDo() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run").resolve("last"));
        RunFolderException withRun = refused(run.getParent(), RunFolder.Mode.NEW);
        assertEquals(RunFolderException.Reason.NOT_EMPTY, withRun.reason());
        assertTrue(withRun.getMessage().contains("--resume") && withRun.getMessage().contains("--overwrite"),
                withRun.getMessage());
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "mine");
        RunFolderException notEmpty = refused(other, RunFolder.Mode.NEW);
        assertTrue(notEmpty.getMessage().contains("is not empty (notes.txt)"), notEmpty.getMessage());
        assertFalse(Files.exists(other.resolve(RunFolder.LOCK_FILE)));
        // a missing folder is created; an empty one is fine
        try (RunFolder f = RunFolder.open(tmp.resolve("fresh").resolve("deep"), RunFolder.Mode.NEW)) {
            assertTrue(Files.isDirectory(f.dir()));
        }
        try (RunFolder f = RunFolder.open(tmp.resolve("fresh").resolve("deep"), RunFolder.Mode.NEW)) {
            assertTrue(Files.isRegularFile(f.dir().resolve(RunFolder.LOCK_FILE)), "the lock file alone is not content");
        }
    }

    @Test
    void overwriteClearsARunFolderOnlyAndNeverFollowsLinks() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "precious");
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.createDirectories(run.resolve("best"));
        Files.writeString(run.resolve("best").resolve("run.json"), "{}");
        Files.writeString(run.resolve("metrics.csv"), "x");
        Files.createSymbolicLink(run.resolve("link"), outside);
        try (RunFolder f = RunFolder.open(run, RunFolder.Mode.OVERWRITE)) {
            try (var s = Files.list(run)) {
                assertEquals(List.of(RunFolder.LOCK_FILE), s.map(p -> p.getFileName().toString()).toList());
            }
        }
        assertEquals("precious", Files.readString(outside.resolve("keep.txt")));

        RunFolderException e = refused(outside, RunFolder.Mode.OVERWRITE);
        assertEquals(RunFolderException.Reason.NOT_A_RUN, e.reason());
        assertTrue(e.getMessage().contains("holds files but no run"), e.getMessage());
        assertEquals("precious", Files.readString(outside.resolve("keep.txt")));
        assertFalse(Files.exists(outside.resolve(RunFolder.LOCK_FILE)), "a refused folder keeps no lock file");
    }

    @Test
    void resumeTidiesWhatAKilledSaveLeftAndNeedsLast() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.createDirectories(run.resolve(".last.tmp-123-456"));
        Files.writeString(run.resolve(".last.tmp-123-456").resolve("weights.ndlist"), "half");
        Files.createDirectories(run.resolve(".best.tmp-9-9"));
        Files.createDirectories(run.resolve(".last.old"));
        Files.writeString(run.resolve(".last.old").resolve("run.json"), "{}");
        try (RunFolder f = RunFolder.open(run, RunFolder.Mode.RESUME)) {
            assertEquals(List.of(".best.tmp-9-9", ".last.tmp-123-456", ".last.old"), f.removedLeftovers());
        }
        assertFalse(Files.exists(run.resolve(".last.tmp-123-456")));
        assertFalse(Files.exists(run.resolve(".best.tmp-9-9")));
        assertTrue(Files.isRegularFile(run.resolve("last").resolve("run.json")), "a checkpoint renamed aside is put back");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        RunFolderException none = refused(empty, RunFolder.Mode.RESUME);
        assertEquals(RunFolderException.Reason.NOTHING_TO_RESUME, none.reason());
        assertTrue(none.getMessage().contains("holds no last/"), none.getMessage());
        RunFolderException missing = refused(tmp.resolve("nope"), RunFolder.Mode.RESUME);
        assertTrue(missing.getMessage().contains("no such run folder"), missing.getMessage());
        assertFalse(Files.exists(tmp.resolve("nope")), "a refused resume creates nothing");
    }

    @Test
    void metricsContinueAtTheCheckpointStepWithoutDuplicates() throws Exception {
        Path file = tmp.resolve("metrics.csv");
        StringBuilder b = new StringBuilder(MetricsCsv.HEADER).append('\n');
        for (int s = 1; s <= 9; s++) {
            b.append(s).append(",1.0,0.1,0.5,,,0.001,100,").append(s).append('\n');
        }
        b.append("10,1.0,0.1"); // torn by a kill
        Files.writeString(file, b.toString());
        try (MetricsCsv csv = MetricsCsv.continueAt(file, 6)) {
            csv.onStep(new StepEvent(7, 2.0, 1.9, 0.1, 0.5, 0.001, 1.0, 100, 1.0, 7.0, null));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(8, lines.size(), lines.toString());
        assertTrue(lines.get(6).startsWith("6,") && lines.get(7).startsWith("7,2.00000"), lines.toString());
        Files.writeString(file, "something else\n1,2\n");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> MetricsCsv.continueAt(file, 3));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }
}
