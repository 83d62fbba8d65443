package org.haxlab.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code haxlab bench heatmap}: ms per frame of the selection-matrix heatmap. */
@Command(name = "heatmap", mixinStandardHelpOptions = true,
        description = "Times the selection-matrix heatmap's frame rendering (pixel buffer) of an L x L +HAX selection.",
        footer = {"", "Example:", "  haxlab bench heatmap --size 1058"})
public final class HeatmapCommand implements Callable<Integer> {

    /** Benchmark target: a frame of the 1058 x 1058 matrix must take under 50 ms. */
    public static final double TARGET_MS = 50;

    /** Fewest warm-up frames: rendering is fast, so the JIT needs several. */
    static final int MIN_WARMUP = 10;
    /** Fewest timed frames. */
    static final int MIN_FRAMES = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions options = new BenchOptions();

    @Option(names = "--size", paramLabel = "L", description = "matrix size (default ${DEFAULT-VALUE}: the padded task length)")
    int size = 1058;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return options.run(out, err, () -> {
            if (size < 2 || size > 16384) {
                throw new IllegalArgumentException("--size " + size + " must be in 2..16384");
            }
            boolean csv = options.format() == BenchOptions.Format.CSV;
            PrintWriter log = csv ? err : out;
            log.print(MachineInfo.collect().asComment());
            int warmup = Math.max(MIN_WARMUP, options.warmup());
            int frames = Math.max(MIN_FRAMES, options.repetitions());
            log.printf(Locale.ROOT, "# heatmap: %d x %d selection, %d warm-up frames, %d timed frames%n", size, size,
                    warmup, frames);
            List<HeatmapBench.Row> rows = HeatmapBench.run(size, warmup, frames);
            switch (options.format()) {
                case CSV -> {
                    out.println("frame,width,height,ms_median,ms_min,ms_max");
                    rows.forEach(r -> out.printf(Locale.ROOT, "%s,%d,%d,%.3f,%.3f,%.3f%n", r.name().replace(',', ';'),
                            r.width(), r.height(), r.stats().median(), r.stats().min(), r.stats().max()));
                }
                case MARKDOWN -> {
                    out.println("| frame | pixels | ms median | ms min | ms max |\n|---|---|---:|---:|---:|");
                    rows.forEach(r -> out.printf(Locale.ROOT, "| %s | %d x %d | %.2f | %.2f | %.2f |%n", r.name(),
                            r.width(), r.height(), r.stats().median(), r.stats().min(), r.stats().max()));
                }
                default -> rows.forEach(r -> out.printf(Locale.ROOT, "%-32s %5d x %-5d %8.2f ms (min %.2f, max %.2f)%n",
                        r.name(), r.width(), r.height(), r.stats().median(), r.stats().min(), r.stats().max()));
            }
            double worst = rows.stream().mapToDouble(r -> r.stats().median()).max().orElse(0);
            log.printf(Locale.ROOT, "# target frame under %.0f ms at %d x %d: slowest frame kind %.2f ms %s%n", TARGET_MS,
                    size, size, worst, worst < TARGET_MS ? "MET" : "NOT MET");
        });
    }
}
