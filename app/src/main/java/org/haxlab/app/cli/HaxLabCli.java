package org.haxlab.app.cli;

import org.haxlab.app.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command-line interface: {@code haxlab <command> ...}; with no command it prints help. */
@Command(name = "haxlab", mixinStandardHelpOptions = true, version = "HAX Lab 0.1.0",
        description = "HAX Lab: SSMs, context-independent sparse attention and HAX on joint recall.",
        subcommands = {CommandLine.HelpCommand.class, GenerateCommand.class, CheckCommand.class,
                TrainCommand.class, EvalCommand.class, InspectCommand.class, TableCommand.class, SweepCommand.class, BenchCommand.class})
public final class HaxLabCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and returns its exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** A fresh command line with every subcommand, for callers (and tests) that redirect its output. */
    public static CommandLine commandLine() {
        return new CommandLine(new HaxLabCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
