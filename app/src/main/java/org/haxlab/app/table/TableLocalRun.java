package org.haxlab.app.table;

import org.haxlab.app.jobs.DeviceSlot;
import org.haxlab.app.jobs.FolderLock;
import org.haxlab.app.jobs.JobScheduler;
import org.haxlab.app.jobs.RunJob;
import org.haxlab.app.jobs.RunLauncher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table on this host: every unfinished (row, seed) run as its own {@code train} process, {@code jobsPerDevice} at
 * once on each device, finished runs skipped, unfinished ones continued from their last checkpoint; then table.md
 * and table.csv. The table folder is locked for the duration ({@value #LOCK}), so a second table on it is refused
 * instead of racing for the same runs. Ctrl-C or a kill stops every child, which saves its {@code last/}: running
 * the same command with {@code --resume} continues.
 */
public final class TableLocalRun {

    /** The table folder's lock file. */
    public static final String LOCK = ".table.lock";

    private final TablePlan plan;
    private final List<DeviceSlot> slots;
    private final int jobsPerDevice;
    private final int threads;
    private final RunLauncher launcher;
    private final String command;

    /**
     * @param plan          the table
     * @param slots         the devices
     * @param jobsPerDevice runs at once per device
     * @param threads       intra-op threads per run, 0 = the cores shared among the runs that go at once
     * @param launcher      starts one run
     * @param command       the command line, for table.json and table.md
     */
    public TableLocalRun(TablePlan plan, List<DeviceSlot> slots, int jobsPerDevice, int threads, RunLauncher launcher,
                         String command) {
        this.plan = plan;
        this.slots = List.copyOf(slots);
        this.jobsPerDevice = jobsPerDevice;
        this.threads = threads;
        this.launcher = launcher;
        this.command = command;
    }

    /** Intra-op threads of each run: the given number, or the host's cores over the runs that go at once. */
    public static int threadsPerRun(int threads, int concurrent, int cores) {
        return threads > 0 ? threads : Math.max(1, cores / Math.max(1, concurrent));
    }

    /** Runs the table; 0 when every run has a result, 1 when some failed (named on {@code err}). */
    public int run(PrintWriter stdout, PrintWriter err) throws IOException, InterruptedException {
        Path out = plan.out();
        Files.createDirectories(out);
        try (FolderLock lock = FolderLock.acquire(out.resolve(LOCK), "table")) {
            TableFiles.writeScaleFile(out, plan, command);
            return schedule(stdout, err);
        }
    }

    private int schedule(PrintWriter stdout, PrintWriter err) throws IOException, InterruptedException {
        List<TablePlan.Run> runs = plan.runs();
        int planned = runs.size();
        List<RunJob> jobs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int done = 0;
        int resumed = 0;
        for (TablePlan.Run r : runs) {
            String label = (r.index() + 1) + "/" + planned;
            if (TablePlan.status(r) == TablePlan.Status.DONE) {
                err.println("[" + label + " " + r.name() + "] done earlier: " + summary(r.runDir()) + ", skipped");
                done++;
                continue;
            }
            RunJob job = plan.prepare(r);
            resumed += job.resumed() ? 1 : 0;
            jobs.add(job);
            labels.add(label);
        }
        int concurrent = Math.min(Math.max(1, jobs.size()), slots.size() * jobsPerDevice);
        int perRun = threadsPerRun(threads, concurrent, Runtime.getRuntime().availableProcessors());
        err.println("table: " + planned + " runs (" + plan.entries().size() + " rows x " + plan.seeds().size()
                + " seeds) -> " + plan.out() + "; " + done + " done, " + resumed + " to continue, "
                + (jobs.size() - resumed) + " to start; " + jobsPerDevice + " per device on " + slots + ", "
                + perRun + " thread(s) each");
        err.println("scale: " + plan.scale().describe());
        err.flush();
        JobScheduler scheduler = new JobScheduler(launcher, slots, jobsPerDevice, perRun, err,
                job -> summary(job.runDir()));
        List<JobScheduler.Outcome> outcomes = scheduler.run(jobs, labels);
        List<String> failed = new ArrayList<>();
        for (JobScheduler.Outcome o : outcomes) {
            if (!o.ok() || !Files.isRegularFile(o.job().runDir().resolve(RunResult.FILE))) {
                failed.add(o.job().name() + (o.error() != null ? " (" + o.error() + ")" : " (exit " + o.exitCode() + ")"));
            }
        }
        int code = TableFiles.aggregate(plan, stdout, err);
        if (!failed.isEmpty()) {
            err.println("table: " + failed.size() + " run(s) failed: " + String.join(", ", failed)
                    + "; their logs are in " + plan.out().resolve("logs"));
            err.flush();
            return 1;
        }
        return code;
    }

    /** "test accuracy 27.0 % at step 3000 (finished)" from a run's result, or why there is none. */
    public static String summary(Path runDir) {
        try {
            if (!Files.isRegularFile(runDir.resolve(RunResult.FILE))) {
                return "no " + RunResult.FILE + " in " + runDir;
            }
            RunResult r = RunResult.load(runDir);
            String acc = Double.isFinite(r.testAccuracy())
                    ? String.format(Locale.ROOT, "%.1f %%", 100 * r.testAccuracy()) : "-";
            return "test accuracy " + acc + " at step " + r.bestStep() + " (" + r.state() + ")";
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
