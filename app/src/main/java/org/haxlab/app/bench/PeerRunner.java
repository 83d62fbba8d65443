package org.haxlab.app.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PyTorch-eager peer of the synthetic model ({@code app/src/bench/python/hax_peer.py}) with the
 * system Python and reads the JSON line it prints ("have the benchmark run both in one run and print
 * the ratio"). The peer gets the same thread count as libtorch in this JVM, through its {@code --threads}
 * flag and {@code OMP_NUM_THREADS}.
 */
public final class PeerRunner {

    /** Where the peer script lives in a checkout. */
    public static final String SCRIPT = "app/src/bench/python/hax_peer.py";

    /**
     * What the peer measured.
     *
     * @param torch       its PyTorch version
     * @param threads     the intra-op threads it ran with
     * @param stats       step time, ms
     * @param tokensPerS  batch * length per median step
     * @param warmupSteps the untimed steps it ran first (-1 when it did not say)
     * @param matmulGflops its float32 512 x 512 matrix product on the CPU, GFLOP/s (NaN on a GPU or when it did
     *                     not say)
     */
    public record Result(String torch, int threads, Stats stats, double tokensPerS, int warmupSteps,
                         double matmulGflops) {
    }

    private final Path python;
    private final Path script;
    private final long timeoutSeconds;
    private final Map<String, String> environment;
    private String device = "cpu";

    /**
     * @param python         the interpreter, e.g. /usr/bin/python3
     * @param script         the peer script
     * @param timeoutSeconds the peer is killed after this long
     */
    public PeerRunner(Path python, Path script, long timeoutSeconds) {
        this(python, script, timeoutSeconds, Map.of());
    }

    /**
     * @param environment extra environment variables for the peer process (e.g. the C allocator settings of
     *                    {@link org.haxlab.model.engine.NativeAllocator#ENVIRONMENT})
     */
    public PeerRunner(Path python, Path script, long timeoutSeconds, Map<String, String> environment) {
        this.python = python;
        this.script = script;
        this.timeoutSeconds = timeoutSeconds;
        this.environment = Map.copyOf(environment);
    }

    /** Finds {@link #SCRIPT} in the working directory or one of its parents; null when absent. */
    public static Path findScript() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path p = dir.resolve(SCRIPT);
            if (Files.isRegularFile(p)) {
                return p;
            }
            dir = dir.getParent();
        }
        return null;
    }

    /**
     * The torch device the peer runs on ({@code cpu} or {@code cuda}), to match the device HAX Lab's side uses.
     *
     * @return this runner
     */
    public PeerRunner onDevice(String torchDevice) {
        if (!"cpu".equals(torchDevice) && !"cuda".equals(torchDevice)) {
            throw new IllegalArgumentException("peer device '" + torchDevice + "': expected cpu or cuda");
        }
        this.device = torchDevice;
        return this;
    }

    /**
     * The command line for one peer run.
     *
     * @param warmup        untimed steps first, at least
     * @param warmupSeconds and for at least this long (the rule of {@link Timer#warming})
     */
    List<String> command(String backbone, String pattern, int batch, int length, int warmup, double warmupSeconds,
                         int steps, int threads) {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), script.toString(), "--backbone", backbone,
                "--pattern", pattern, "--batch", Integer.toString(batch), "--length", Integer.toString(length),
                "--warmup", Integer.toString(warmup), "--warmup-seconds", Double.toString(warmupSeconds),
                "--steps", Integer.toString(steps),
                "--threads", Integer.toString(threads), "--device", device));
        return cmd;
    }

    /**
     * Runs the peer for one model.
     *
     * @param backbone mamba1 or mamba2
     * @param pattern  a pattern id (ssm, full, sw, ...)
     * @throws IOException when the peer cannot start, fails or prints no result
     */
    public Result run(String backbone, String pattern, int batch, int length, int warmup, double warmupSeconds,
                      int steps, int threads) throws IOException, InterruptedException {
        String text = execute(command(backbone, pattern, batch, length, warmup, warmupSeconds, steps, threads),
                threads);
        return parse(text);
    }

    /** One model the peer times: {@code backbone:pattern:batch} on its command line. */
    public record Config(String backbone, String pattern, int batch) {
        String id() {
            return backbone + ":" + pattern + ":" + batch;
        }
    }

    /**
     * Runs the peer once for every model in {@code configs} (its {@code --configs} mode: Python, torch and
     * CUDA start once, which on a GPU saves seconds per model), in order.
     *
     * @return one result per config, in the same order
     * @throws IOException when the peer cannot start, fails, or prints fewer results than configs
     */
    public List<Result> runAll(List<Config> configs, int length, int warmup, double warmupSeconds, int steps,
                               int threads) throws IOException, InterruptedException {
        if (configs.isEmpty()) {
            return List.of();
        }
        List<String> cmd = command(configs.get(0).backbone(), configs.get(0).pattern(), configs.get(0).batch(), length,
                warmup, warmupSeconds, steps, threads);
        cmd.add("--configs");
        cmd.add(String.join(",", configs.stream().map(Config::id).toList()));
        String text = execute(cmd, threads);
        List<Result> out = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            if (line.strip().startsWith("{")) {
                out.add(parse(line));
            }
        }
        if (out.size() != configs.size()) {
            throw new IOException("PyTorch peer printed " + out.size() + " results for " + configs.size()
                    + " models: " + tail(text));
        }
        return out;
    }

    /** Runs one peer command line and returns its output; fails on a time-out or a non-zero exit. */
    private String execute(List<String> cmd, int threads) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new IOException("PyTorch peer script not found at " + script);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().putAll(environment);
        Process p = pb.start();
        byte[] out;
        try (var in = p.getInputStream()) {
            // the peer prints its lines as it goes and exits, so reading to EOF before waiting cannot block it
            out = in.readAllBytes();
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("PyTorch peer timed out after " + timeoutSeconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("PyTorch peer exited with " + p.exitValue() + ": " + tail(text));
        }
        return text;
    }

    /** Reads the last JSON line of the peer's output. */
    static Result parse(String output) throws IOException {
        String[] lines = output.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            String l = lines[i].strip();
            if (l.startsWith("{")) {
                try {
                    JsonObject o = JsonParser.parseString(l).getAsJsonObject();
                    Stats s = new Stats(o.get("ms_median").getAsDouble(), o.get("ms_min").getAsDouble(),
                            o.get("ms_max").getAsDouble(), 0);
                    return new Result(o.get("torch").getAsString(), o.get("threads").getAsInt(), s,
                            o.get("tokens_per_s").getAsDouble(),
                            o.has("warmup_steps") ? o.get("warmup_steps").getAsInt() : -1,
                            o.has("matmul_gflops") && !o.get("matmul_gflops").isJsonNull()
                                    ? o.get("matmul_gflops").getAsDouble() : Double.NaN);
                } catch (RuntimeException e) {
                    throw new IOException("PyTorch peer printed a malformed result line '" + l + "': " + e.getMessage(), e);
                }
            }
        }
        throw new IOException("PyTorch peer printed no JSON result: " + tail(output));
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 300 ? "..." + t.substring(t.length() - 300) : t;
    }
}
