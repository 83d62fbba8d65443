package org.haxlab.app.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code haxlab bench}: the benchmark harness (docs/BENCHMARKS.md). Each subcommand measures one thing with warm-up and
 * repetitions and prints median and spread with the machine's description.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: attention versus length (dense vs sparse path), a training step of the synthetic"
                + " model against PyTorch eager, heatmap rendering.",
        subcommands = {CommandLine.HelpCommand.class, AttentionCommand.class, TrainStepCommand.class,
            HeatmapCommand.class, AllCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
