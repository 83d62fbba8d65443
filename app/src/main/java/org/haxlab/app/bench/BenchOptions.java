package org.haxlab.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** Options every {@code bench} subcommand shares: repetitions, threads and output format. */
public final class BenchOptions {

    /** Output formats. */
    public enum Format { TEXT, CSV, MARKDOWN }

    @Option(names = "--warmup", paramLabel = "N", description = "untimed repetitions first (default ${DEFAULT-VALUE})")
    int warmup = 1;

    @Option(names = {"-r", "--repetitions"}, paramLabel = "N", description = "timed repetitions (default ${DEFAULT-VALUE})")
    int repetitions = 5;

    @Option(names = "--threads", paramLabel = "T",
            description = "libtorch intra-op threads, also given to the PyTorch peer (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--format", paramLabel = "text|csv|markdown",
            description = "output format (default ${DEFAULT-VALUE}); csv prints only the table on standard output")
    Format format = Format.TEXT;

    @Option(names = "--quick", description = "fewer lengths, steps and repetitions: a smoke run in about a minute")
    boolean quick;

    /** Timed repetitions after {@code --quick}. */
    public int repetitions() {
        return quick ? Math.min(repetitions, 3) : repetitions;
    }

    /** Warm-up repetitions. */
    public int warmup() {
        return warmup;
    }

    /** libtorch threads. */
    public int threads() {
        return threads;
    }

    /** Chosen output format. */
    public Format format() {
        return format;
    }

    /** True with {@code --quick}. */
    public boolean quick() {
        return quick;
    }

    /** Fails with a message naming the bad option. */
    public void check() {
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup " + warmup + " must be >= 0");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repetitions " + repetitions + " must be >= 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads " + threads + " must be >= 1");
        }
    }

    /** A benchmark's work; throws {@link IllegalArgumentException} for bad options. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /**
     * Checks these options, runs {@code body} and turns the outcome into the exit code every bench command
     * shares: 0 when it finished, 2 (usage) with the message for bad options, 1 (software) when the benchmark
     * itself failed.
     */
    int run(PrintWriter out, PrintWriter err, Body body) {
        try {
            check();
            body.run();
            out.flush();
            err.flush();
            return CommandLine.ExitCode.OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        } catch (Exception e) {
            err.println("error: benchmark failed: " + e);
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
    }
}
