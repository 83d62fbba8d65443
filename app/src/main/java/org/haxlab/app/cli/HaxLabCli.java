package org.haxlab.app.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.haxlab.app.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the command-line interface: {@code haxlab <command> ...}; with no command it prints help.
 * {@link #commandLine()} installs the handlers that keep the promise of exit codes 0 ok, 1 failed, 2 bad usage,
 * and never a stack trace unless {@code --debug} asks for one ({@link CliErrors}).
 */
@Command(name = "haxlab", mixinStandardHelpOptions = true, version = "HAX Lab 0.1.0",
        description = "HAX Lab: SSMs, context-independent sparse attention and HAX on joint recall.",
        subcommands = {CommandLine.HelpCommand.class, GenerateCommand.class, CheckCommand.class,
                TrainCommand.class, EvalCommand.class, InspectCommand.class, TableCommand.class, SweepCommand.class,
                BenchCommand.class, EngineCommand.class})
public final class HaxLabCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Accepted by every command; read by {@link CliErrors} from the parse result. */
    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an unexpected failure, print the full stack trace too.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and returns its exit code. */
    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    /** Runs {@code cl} (this CLI with commands added by the caller) on standard output and returns its exit code. */
    public static int execute(CommandLine cl, String... args) {
        cl.setOut(standardOutput());
        return CliErrors.execute(cl, args);
    }

    /**
     * Standard output as a writer whose {@link PrintWriter#checkError()} turns true when the reader has gone
     * ({@code haxlab generate | head}): picocli's default writes through {@code System.out}, a PrintStream that
     * swallows the broken pipe, so a command could never notice it and would run on for minutes.
     */
    static PrintWriter standardOutput() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                true);
    }

    /** A fresh command line with every subcommand and the error handlers, for callers (and tests) that redirect its output. */
    public static CommandLine commandLine() {
        return CliErrors.install(new CommandLine(new HaxLabCli()).setCaseInsensitiveEnumValuesAllowed(true));
    }
}
