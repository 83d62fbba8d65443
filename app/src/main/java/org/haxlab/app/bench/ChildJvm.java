package org.haxlab.app.bench;

import org.haxlab.model.engine.NativeAllocator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CaseMain} in a fresh JVM with this JVM's class path and collects its result rows.
 * libtorch gets exactly the requested thread count (intra-op, and one inter-op thread).
 */
public final class ChildJvm {

    /** How often the child's resident set is checked against the budget. */
    private static final long WATCH_MILLIS = 100;

    private final int heapMb;
    private final long timeoutSeconds;
    private final double budgetMb;

    /**
     * @param heapMb         -Xmx of the child, MiB
     * @param timeoutSeconds the child is killed after this long
     * @param budgetMb       the child is killed when its resident set exceeds this (a shared machine must not
     *                       swap or hit the OOM killer because an estimate was low)
     */
    public ChildJvm(int heapMb, long timeoutSeconds, double budgetMb) {
        if (heapMb < 64 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("child JVM: heap " + heapMb + " MiB (>= 64) and timeout " + timeoutSeconds
                    + " s (>= 1)");
        }
        this.heapMb = heapMb;
        this.timeoutSeconds = timeoutSeconds;
        this.budgetMb = budgetMb;
    }

    /** The command line that measures the chosen passes of {@code c}. */
    List<String> command(AttentionCase c, AttentionSettings s, boolean forward, boolean backward) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heapMb + "m");
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dai.djl.pytorch.num_threads=" + s.threads());
        cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        String malloc = System.getProperty(NativeAllocator.PROPERTY);
        if (malloc != null) {
            cmd.add("-D" + NativeAllocator.PROPERTY + "=" + malloc); // the child allocates like its parent
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CaseMain.class.getName());
        cmd.add(c.pattern().id());
        cmd.add(Integer.toString(c.length()));
        cmd.add(c.pathName());
        cmd.add(forward && backward ? "both" : forward ? AttentionRow.FWD : AttentionRow.FWD_BWD);
        for (int v : new int[]{s.batch(), s.dInner(), s.dState(), s.warmup(), s.repetitions(), s.threads()}) {
            cmd.add(Integer.toString(v));
        }
        cmd.add(Double.toString(s.passSeconds()));
        return cmd;
    }

    /**
     * Runs the case in a child JVM. A child that fails (out of memory, killed, timed out) gives rows whose
     * note says so instead of throwing, so one bad case does not end a long run.
     */
    public List<AttentionRow> run(AttentionCase c, AttentionSettings s, boolean forward, boolean backward)
            throws IOException, InterruptedException {
        int expected = (forward ? 1 : 0) + (backward ? 1 : 0);
        ProcessBuilder pb = new ProcessBuilder(command(c, s, forward, backward)).redirectErrorStream(true);
        Process p = pb.start();
        List<AttentionRow> rows = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith(CaseMain.ROW)) {
                        synchronized (rows) {
                            rows.add(AttentionRow.parseChild(line.substring(CaseMain.ROW.length())));
                        }
                    } else {
                        synchronized (log) {
                            log.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (log) {
                    log.append("reading child output failed: ").append(e.getMessage());
                }
            }
        }, "bench-child-reader");
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        boolean done = false;
        double overMb = -1;
        while (!done && System.nanoTime() < deadline) {
            done = p.waitFor(WATCH_MILLIS, TimeUnit.MILLISECONDS);
            double rss = residentMb(status);
            if (!done && rss > budgetMb) {
                overMb = rss;
                break;
            }
        }
        if (!done) {
            p.destroyForcibly();
            p.waitFor();
        }
        reader.join();
        int code = p.exitValue();
        if (done && code == 0 && rows.size() == expected) {
            return rows;
        }
        String why = overMb > 0 ? String.format(java.util.Locale.ROOT,
                "stopped (resident set passed the %.1f GB budget)", budgetMb / 1024)
                : !done ? "failed (timed out after " + timeoutSeconds + " s)"
                : "failed (child exit " + code + ": " + lastLine(log.toString()) + ")";
        List<AttentionRow> out = new ArrayList<>(rows);
        for (String pass : new String[]{AttentionRow.FWD, AttentionRow.FWD_BWD}) {
            boolean wanted = pass.equals(AttentionRow.FWD) ? forward : backward;
            if (wanted && out.stream().noneMatch(r -> r.pass().equals(pass))) {
                out.add(AttentionRow.skipped(c, pass, why));
            }
        }
        return out;
    }

    /** VmRSS of a process in MiB from its /proc status file; -1 when it cannot be read (exited, not Linux). */
    static double residentMb(Path status) {
        try {
            for (String line : java.nio.file.Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return MemoryProbe.parseKb(line.substring("VmRSS:".length())) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static String lastLine(String log) {
        String[] lines = log.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1];
        for (String l : lines) {
            if (l.contains("OutOfMemoryError") || l.contains("Exception")) {
                last = l;
                break;
            }
        }
        return last.length() > 160 ? last.substring(0, 160) + "..." : last;
    }
}
