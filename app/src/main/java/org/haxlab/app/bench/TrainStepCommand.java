package org.haxlab.app.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.haxlab.model.engine.NativeAllocator;
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
                + " the same CPU with the same thread count; prints tokens/s and the ratio."},
        footer = {"", "Examples:", "  haxlab bench train --quick", "  haxlab bench train --backbones mamba2 --patterns hax --batch 8"})
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

    @Option(names = "--batch", paramLabel = "B", description = "sequences per step (default 4; --quick: 2)")
    Integer batch;

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return options.run(out, err, () -> {
            List<Backbone> bs = backbones();
            List<Pattern> ps = patterns();
            int b = batch != null ? batch : options.quick() ? 2 : 4;
            if (b < 1 || length < 2) {
                throw new IllegalArgumentException("--batch " + b + " must be >= 1 and --length " + length + " >= 2");
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
            log.printf(Locale.ROOT, "# train: batch %d, length %d, warmup %d, steps %d, threads %d (peer too)%n", b, length,
                    options.warmup(), options.repetitions(), options.threads());
            log.printf(Locale.ROOT, "# device: %s%s%n", device, peer == null ? "" : " (peer: " + peerDevice + ")");
            if (peer != null) {
                log.printf(Locale.ROOT, "# peer malloc: %s%n", peerMalloc == PeerMalloc.TUNED
                        ? "tuned like HAX Lab's (" + String.join(" ", new TreeMap<>(NativeAllocator.ENVIRONMENT)
                                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()) + ")"
                        : "C library defaults");
            }
            if (options.format() == BenchOptions.Format.TEXT) {
                out.println(TrainRow.textHeader());
            }
            log.flush();
            List<TrainRow> rows = new ArrayList<>();
            for (Backbone backbone : bs) {
                for (Pattern p : ps) {
                    TrainRow row = measure(backbone, p, b, peer, log);
                    rows.add(row);
                    if (options.format() == BenchOptions.Format.TEXT) {
                        out.println(row.text());
                    } else {
                        err.println("# " + row.text());
                    }
                    out.flush();
                    err.flush();
                }
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
                if (device.isGpu()) {  // the peer target is about the CPU; on a GPU the ratio is reported only
                    log.printf(Locale.ROOT, "# on %s, %s %s: peer ms / HAX Lab ms %.2fx (the target is for the CPU)%n",
                            device, r.backbone(), r.pattern(), r.speedup());
                } else {
                    log.printf(Locale.ROOT, "# target %s %s: HAX Lab step no slower than PyTorch eager: %.2fx %s%n",
                            r.backbone(), r.pattern(), r.speedup(), r.speedup() >= 1 ? "MET" : "NOT MET");
                }
            }
        });
    }

    private TrainRow measure(Backbone backbone, Pattern p, int b, PeerRunner peer, PrintWriter log) throws Exception {
        Stats java = TrainStepBench.run(backbone, p, b, length, options.warmup(), options.repetitions(), passSeconds);
        String id = backbone.id();
        if (peer == null) {
            return new TrainRow(id, p.id(), b, length, java, null, "not run (--no-peer)");
        }
        try {
            PeerRunner.Result r = peer.run(id, p.id(), b, length, options.warmup(), options.repetitions(), options.threads());
            if (r.threads() != options.threads()) {
                log.printf(Locale.ROOT, "# warning: peer ran with %d threads, HAX Lab with %d%n", r.threads(), options.threads());
            }
            return new TrainRow(id, p.id(), b, length, java, r.stats(), "");
        } catch (java.io.IOException e) {
            return new TrainRow(id, p.id(), b, length, java, null, "failed: " + e.getMessage());
        }
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
