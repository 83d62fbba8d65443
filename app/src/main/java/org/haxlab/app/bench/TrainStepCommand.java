package org.haxlab.app.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.haxlab.model.engine.NativeAllocator;
import org.haxlab.model.nd.PhaseTimer;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.trace.Backbone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code haxlab bench train}: a training step of the synthetic model per backbone and pattern, against PyTorch eager. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Times training steps of the paper's synthetic model (2 layers, d_model 64, L 1057) for each"
                + " backbone and pattern, and the same model in plain PyTorch (app/src/bench/python/hax_peer.py) on"
                + " the same CPU with the same thread count; prints tokens/s and the ratio. Each side times a"
                + " model's steps after warming it up for at least --warmup steps and --warmup-seconds seconds."},
        footer = {"", "Examples:", "  haxlab bench train --quick", "  haxlab bench train --backbones mamba2 --patterns hax --batch 8",
                "  haxlab bench train --batch 8,64 --pass-seconds 8    (a GPU: every model at both sizes, one peer process)",
                "", "With -Dhaxlab.profile=true every row also prints where its steps spent their time (phases timed"
                        + " with a device synchronisation at each phase end, docs/GPU.md)."})
public final class TrainStepCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions options = new BenchOptions();

    @Option(names = "--backbones", split = ",", paramLabel = "B", description = "mamba1, mamba2 (default both)")
    List<String> backbones = List.of("mamba1", "mamba2");

    @Option(names = "--patterns", split = ",", paramLabel = "ID",
            description = "ssm, full, sw, a, d, swd, lsh, ks, hax (default all; --quick: ssm,sw,hax)")
    List<String> patterns;

    @Option(names = "--batch", split = ",", paramLabel = "B",
            description = "sequences per step, one or a list such as 8,64 (default 4; --quick: 2)")
    List<Integer> batch;

    @Option(names = "--length", paramLabel = "L", description = "input length (default ${DEFAULT-VALUE}: 1058 tokens minus the shift)")
    int length = 1057;

    @Option(names = "--no-peer", description = "skip the PyTorch-eager peer")
    boolean noPeer;

    @Option(names = "--python", paramLabel = "EXE", description = "Python for the peer (default ${DEFAULT-VALUE})")
    Path python = Path.of("/usr/bin/python3");

    @Option(names = "--peer-script", paramLabel = "FILE", description = "the peer script (default: found from the working directory)")
    Path peerScript;

    @Option(names = "--peer-malloc", paramLabel = "system|tuned",
            description = "the peer's C allocator: its defaults (${DEFAULT-VALUE}) or the settings HAX Lab gives itself"
                    + " (NativeAllocator), to compare with both sides tuned")
    PeerMalloc peerMalloc = PeerMalloc.SYSTEM;

    /** How the peer's malloc is set up. */
    enum PeerMalloc { SYSTEM, TUNED }

    @Option(names = "--pass-seconds", paramLabel = "S", description = "soft time limit of one model's timed steps (default ${DEFAULT-VALUE})")
    double passSeconds = 60;

    @Option(names = "--warmup-seconds", paramLabel = "S",
            description = {"warm up each model for at least this long too, however many --warmup steps that takes"
                    + " (default ${DEFAULT-VALUE}); the peer follows the same rule. Fast steps need many warm-up"
                    + " steps before the JIT has compiled the hot paths; 0: --warmup steps only"})
    double warmupSeconds = 2;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return options.run(out, err, () -> {
            List<Backbone> bs = backbones();
            List<Pattern> ps = patterns();
            List<Integer> sizes = batch != null ? List.copyOf(batch) : List.of(options.quick() ? 2 : 4);
            for (int b : sizes) {
                if (b < 1) {
                    throw new IllegalArgumentException("--batch " + b + " must be >= 1");
                }
            }
            if (length < 2) {
                throw new IllegalArgumentException("--length " + length + " must be >= 2");
            }
            if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
                throw new IllegalArgumentException("--warmup-seconds " + warmupSeconds + " must be >= 0 and finite");
            }
            MachineInfo.setTorchThreads(options.threads());
            MachineInfo machine = MachineInfo.collect();
            PeerRunner peer = noPeer ? null : new PeerRunner(python, peerScript != null ? peerScript
                    : PeerRunner.findScript() != null ? PeerRunner.findScript() : Path.of(PeerRunner.SCRIPT), 1800,
                    peerMalloc == PeerMalloc.TUNED ? NativeAllocator.ENVIRONMENT : Map.of());
            // the same device on both sides: HAX Lab's steps run on the engine's default device
            Device device = Engine.getEngine("PyTorch").defaultDevice();
            String peerDevice = device.isGpu() ? "cuda" : "cpu";
            if (peer != null) {
                peer.onDevice(peerDevice);
            }
            boolean csv = options.format() == BenchOptions.Format.CSV;
            PrintWriter log = csv ? err : out;
            log.print(machine.asComment());
            log.printf(Locale.ROOT, "# train: batch %s, length %d, warmup %d steps and %.1f s at least, steps %d,"
                            + " threads %d (peer too)%n",
                    sizes.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")), length,
                    options.warmup(), warmupSeconds, options.repetitions(), options.threads());
            log.printf(Locale.ROOT, "# device: %s%s%n", device, peer == null ? "" : " (peer: " + peerDevice + ")");
            if (peer != null) {
                log.printf(Locale.ROOT, "# peer malloc: %s%n", peerMalloc == PeerMalloc.TUNED
                        ? "tuned like HAX Lab's (" + String.join(" ", new TreeMap<>(NativeAllocator.ENVIRONMENT)
                                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")"
                        : "C library defaults");
            }
            log.flush();
            // HAX Lab's rows first, then every peer row in one peer process (start-up paid once)
            List<TrainRow> rows = new ArrayList<>();
            List<PeerRunner.Config> configs = new ArrayList<>();
            for (int b : sizes) {
                for (Backbone backbone : bs) {
                    for (Pattern p : ps) {
                        PhaseTimer.reset();
                        TrainStepBench.Result measured = TrainStepBench.run(backbone, p, b, length, options.warmup(),
                                warmupSeconds, options.repetitions(), passSeconds);
                        Stats ours = measured.stats();
                        rows.add(new TrainRow(backbone.id(), p.id(), b, length, ours, null,
                                peer == null ? "not run (--no-peer)" : ""));
                        configs.add(new PeerRunner.Config(backbone.id(), p.id(), b));
                        // 1 read per step is the timer's; more means the step itself waited for the device
                        log.printf(Locale.ROOT, "# HAX Lab %s %s batch %d: median %.1f ms after %d warm-up steps,"
                                        + " host reads per step %.1f%s%n",
                                backbone.id(), p.id(), b, ours.median(), measured.warmupSteps(), measured.readsPerStep(),
                                PhaseTimer.ENABLED ? " (profiling: phase ends read too)" : "");
                        if (PhaseTimer.ENABLED) {
                            log.printf(Locale.ROOT, "# phases of %s %s batch %d (warm-up and timed steps):%n%s",
                                    backbone.id(), p.id(), b, PhaseTimer.table(measured.allSteps())
                                            .lines().map(l -> "#   " + l + "\n").collect(java.util.stream.Collectors.joining()));
                        }
                        log.flush();
                    }
                }
            }
            if (peer != null) {
                rows = withPeer(rows, configs, peer, log);
            }
            if (options.format() == BenchOptions.Format.TEXT) {
                out.println(TrainRow.textHeader());
                rows.forEach(r -> out.println(r.text()));
            } else if (csv) {
                rows.forEach(r -> err.println("# " + r.text()));
            }
            if (csv) {
                out.println(TrainRow.CSV_HEADER);
                rows.forEach(r -> out.println(r.csv()));
            } else if (options.format() == BenchOptions.Format.MARKDOWN) {
                out.println(TrainRow.markdownHeader());
                rows.forEach(r -> out.println(r.markdown()));
            }
            for (TrainRow r : rows) {
                if (r.peer() == null) {
                    continue;
                }
                // the same target on both devices: no slower than the peer on the same device (docs/GPU.md)
                log.printf(Locale.ROOT, "# target on %s, %s %s batch %d: HAX Lab step no slower than PyTorch eager:"
                                + " %.2fx %s%n", device, r.backbone(), r.pattern(), r.batch(), r.speedup(),
                        r.speedup() >= 1 ? "MET" : "NOT MET");
            }
        });
    }

    /** The rows with the peer's times added (or its failure noted), from one peer process for all of them. */
    private List<TrainRow> withPeer(List<TrainRow> rows, List<PeerRunner.Config> configs, PeerRunner peer,
                                    PrintWriter log) throws InterruptedException {
        List<TrainRow> out = new ArrayList<>();
        try {
            List<PeerRunner.Result> results = peer.runAll(configs, length, options.warmup(), warmupSeconds,
                    options.repetitions(), options.threads());
            for (int i = 0; i < rows.size(); i++) {
                TrainRow r = rows.get(i);
                PeerRunner.Result p = results.get(i);
                if (p.warmupSteps() >= 0) {
                    log.printf(Locale.ROOT, "# peer %s %s batch %d: median %.1f ms after %d warm-up steps%n",
                            r.backbone(), r.pattern(), r.batch(), p.stats().median(), p.warmupSteps());
                }
                if (p.threads() != options.threads()) {
                    log.printf(Locale.ROOT, "# warning: peer ran with %d threads, HAX Lab with %d%n", p.threads(),
                            options.threads());
                }
                out.add(new TrainRow(r.backbone(), r.pattern(), r.batch(), r.length(), r.java(), p.stats(), ""));
            }
            double peerBlas = results.isEmpty() ? Double.NaN : results.get(0).matmulGflops();
            if (!Double.isNaN(peerBlas)) {   // the peer ran on the CPU
                double ours = BlasCheck.ourGflops();
                log.printf(Locale.ROOT, "# float32 %d x %d matrix product on the CPU: peer %.1f GFLOP/s, HAX Lab's"
                        + " libtorch %.1f GFLOP/s%n", BlasCheck.N, BlasCheck.N, peerBlas, ours);
                String warning = BlasCheck.warning(peerBlas, ours);
                if (warning != null) {
                    log.println(warning);
                }
            }
        } catch (java.io.IOException e) {
            for (TrainRow r : rows) {
                out.add(new TrainRow(r.backbone(), r.pattern(), r.batch(), r.length(), r.java(), null,
                        "failed: " + e.getMessage()));
            }
        }
        return out;
    }

    private List<Backbone> backbones() {
        List<Backbone> out = new ArrayList<>();
        for (String s : backbones) {
            out.add(Backbone.parse(s));
        }
        return out;
    }

    private List<Pattern> patterns() {
        if (patterns == null) {
            return options.quick() ? List.of(Pattern.NONE, Pattern.SW, Pattern.HAX) : Arrays.asList(Pattern.values());
        }
        List<Pattern> out = new ArrayList<>();
        for (String s : patterns) {
            out.add(Pattern.parse(s));
        }
        return out;
    }
}
