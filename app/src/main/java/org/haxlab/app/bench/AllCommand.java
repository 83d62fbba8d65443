package org.haxlab.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code haxlab bench all}: the three benchmarks in one run, as one Markdown report (the numbers of
 * docs/BENCHMARKS.md). Each part keeps its own defaults; {@code --quick} is passed on to all three.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = "Runs bench attention, bench train and bench heatmap in one run and prints one Markdown report.",
        footer = {"", "Example:", "  haxlab bench all > bench-report.md"})
public final class AllCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "pass --quick to every part")
    boolean quick;

    @Option(names = "--threads", paramLabel = "T", description = "libtorch (and peer) threads for every part (default: all cores)")
    Integer threads;

    @Option(names = "--skip", split = ",", paramLabel = "PART", description = "parts to leave out: attention, train, heatmap")
    List<String> skip = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String s : skip) {
            if (!List.of("attention", "train", "heatmap").contains(s)) {
                err.println("error: --skip: unknown part '" + s + "' (attention, train or heatmap)");
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
        }
        out.println("# HAX Lab benchmark report");
        out.println();
        int worst = 0;
        Object[][] parts = {{"attention", new AttentionCommand(), "Attention versus length (one mixer branch)"},
            {"train", new TrainStepCommand(), "Training step of the synthetic model versus PyTorch eager"},
            {"heatmap", new HeatmapCommand(), "Selection-matrix heatmap frames"}};
        for (Object[] part : parts) {
            if (skip.contains((String) part[0])) {
                continue;
            }
            out.println("## " + part[2]);
            out.println();
            out.flush();
            List<String> args = new ArrayList<>(List.of("--format", "markdown"));
            if (quick) {
                args.add("--quick");
            }
            if (threads != null) {
                args.add("--threads");
                args.add(threads.toString());
            }
            CommandLine cl = new CommandLine(part[1]).setCaseInsensitiveEnumValuesAllowed(true);
            cl.setOut(out);
            cl.setErr(err);
            worst = Math.max(worst, cl.execute(args.toArray(String[]::new)));
            out.println();
            out.flush();
        }
        return worst;
    }
}
