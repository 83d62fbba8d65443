package org.haxlab.app.bench;

import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig.AttentionPath;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code haxlab bench attention}: attention time and peak memory versus length, dense vs sparse path. */
@Command(name = "attention", mixinStandardHelpOptions = true,
        description = {"Times one mixer's sparse-attention branch (d_inner 128, N 16, batch 1) forward (eval) and"
                + " forward+backward (training) at each length, on the dense-mask and sparse-gather paths, and"
                + " reports median/min/max ms and the peak resident memory (heap + native).",
            "Dense cases whose estimated memory exceeds the budget are reported as skipped, not run."},
        footer = {"", "Examples:", "  haxlab bench attention --lengths 4096,16384 --format csv",
            "  haxlab bench attention --patterns hax,sw --quick"})
public final class AttentionCommand implements Callable<Integer> {

    /** The lengths the attention targets name (docs/BENCHMARKS.md, Targets). */
    static final List<Integer> DEFAULT_LENGTHS = List.of(1024, 4096, 16384, 65536);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions options = new BenchOptions();

    @Option(names = "--lengths", split = ",", paramLabel = "L", description = "sequence lengths (default 1024,4096,16384,65536; --quick: 1024,4096)")
    List<Integer> lengths;

    @Option(names = "--patterns", split = ",", paramLabel = "ID",
            description = "patterns as in inspect: full, sw, a, d, swd, lsh, ks, hax (default all)")
    List<String> patterns;

    @Option(names = "--paths", split = ",", paramLabel = "dense|sparse", description = "execution paths (default dense,sparse)")
    List<String> paths = List.of("dense", "sparse");

    @Option(names = "--in-process", description = "run every case in this JVM instead of a fresh child JVM per case"
            + " (faster; the resident peak then carries earlier cases' allocator high-water marks)")
    boolean inProcess;

    @Option(names = "--budget-mb", paramLabel = "MB",
            description = "memory a case may use; dense cases estimated above it are skipped (default: 75%% of available memory)")
    Double budgetMb;

    @Option(names = "--pass-seconds", paramLabel = "S",
            description = "soft time limit of one pass's repetitions; slow passes get fewer (>= 3) (default ${DEFAULT-VALUE})")
    double passSeconds = 60;

    @Option(names = "--passes", split = ",", paramLabel = "fwd|fwd+bwd", description = "passes to time (default fwd,fwd+bwd)")
    List<String> passes = List.of(AttentionRow.FWD, AttentionRow.FWD_BWD);

    @Option(names = "--dense-max-length", paramLabel = "L",
            description = "run the dense path only up to this length; longer dense cases are listed as skipped (default: no limit)")
    int denseMaxLength = Integer.MAX_VALUE;

    @Option(names = "--timeout", paramLabel = "S", description = "a child JVM running longer is killed (default ${DEFAULT-VALUE})")
    long timeoutSeconds = 900;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return options.run(out, err, () -> {
            AttentionSuite suite = suite();
            AttentionSettings settings = AttentionSettings.synthetic(options.warmup(), options.repetitions(),
                    options.threads(), passSeconds);
            MachineInfo.setTorchThreads(options.threads());
            MachineInfo machine = MachineInfo.collect();
            boolean csv = options.format() == BenchOptions.Format.CSV;
            PrintWriter log = csv ? err : out;
            log.print(machine.asComment());
            log.printf(Locale.ROOT, "# attention: %d cases, %s, budget %.0f MiB, warmup %d, repetitions %d%n",
                    suite.cases().size(), suite.fork() ? "one child JVM per case" : "in-process", suite.budgetMb(),
                    settings.warmup(), settings.repetitions());
            log.flush();
            if (options.format() == BenchOptions.Format.TEXT) {
                out.println(new AttentionReport(List.of()).text().strip());
            }
            List<AttentionRow> rows = suite.run(settings, r -> {
                if (options.format() == BenchOptions.Format.TEXT) {
                    out.println(AttentionReport.text(r));
                    out.flush();
                } else {
                    err.println("# " + AttentionReport.text(r));
                    err.flush();
                }
            });
            AttentionReport report = new AttentionReport(rows);
            switch (options.format()) {
                case CSV -> out.print(report.csv());
                case MARKDOWN -> out.print(report.markdown());
                default -> { }
            }
            for (String line : report.summary()) {
                log.println("# " + line);
            }
        });
    }

    /** The suite the options describe (checked). */
    AttentionSuite suite() {
        List<Integer> ls = lengths != null ? lengths : options.quick() ? List.of(1024, 4096) : DEFAULT_LENGTHS;
        for (int l : ls) {
            if (l < 1 || l > 1 << 20) {
                throw new IllegalArgumentException("--lengths: " + l + " is outside 1..1048576");
            }
        }
        List<Pattern> ps = new ArrayList<>();
        if (patterns == null) {
            Arrays.stream(Pattern.values()).filter(Pattern::hasAttention).forEach(ps::add);
        } else {
            for (String id : patterns) {
                Pattern p = Pattern.parse(id);
                if (!p.hasAttention()) {
                    throw new IllegalArgumentException("--patterns: " + p.id() + " has no attention branch to time");
                }
                ps.add(p);
            }
        }
        List<AttentionPath> ph = new ArrayList<>();
        for (String p : paths) {
            ph.add(AttentionCase.parsePath(p));
        }
        double budget = budgetMb != null ? budgetMb : Math.max(1024, 0.75 * MachineInfo.availableMb());
        for (String p : passes) {
            if (!p.equals(AttentionRow.FWD) && !p.equals(AttentionRow.FWD_BWD)) {
                throw new IllegalArgumentException("--passes: unknown pass '" + p + "' (fwd or fwd+bwd)");
            }
        }
        return new AttentionSuite(ps, ls, ph, !inProcess, budget, timeoutSeconds, denseMaxLength,
                passes.contains(AttentionRow.FWD), passes.contains(AttentionRow.FWD_BWD));
    }
}
