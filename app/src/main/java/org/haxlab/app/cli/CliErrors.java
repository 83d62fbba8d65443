package org.haxlab.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The one top-level error policy of the command line: a usage error prints one line and a hint, exit 2; any
 * unexpected failure prints one line saying what failed and what to do, exit 1, with the stack trace only under
 * {@code --debug}. Errors (out of memory, stack overflow) get the same treatment, since a command may hit them
 * outside picocli's own handling.
 */
public final class CliErrors {

    /** Exit code of a failure. */
    public static final int FAILED = 1;
    /** Exit code of bad usage. */
    public static final int USAGE = 2;

    private CliErrors() {
    }

    /** Installs the handlers on {@code cl} (and, through picocli, on its subcommands); returns it. */
    public static CommandLine install(CommandLine cl) {
        cl.setParameterExceptionHandler(CliErrors::usage);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine, debug(parseResult)));
        return cl;
    }

    /** Runs {@code cl} with {@code args}; a {@link Throwable} picocli lets through also becomes exit 1. */
    public static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {  // OutOfMemoryError, StackOverflowError: still one line, not a trace
            boolean debug = java.util.Arrays.asList(args).contains("--debug");
            return failed(t, commandOf(cl), debug);
        }
    }

    /** The subcommand that was running (for its name in the message), or {@code cl} when none was parsed. */
    private static CommandLine commandOf(CommandLine cl) {
        ParseResult r = cl.getParseResult();
        if (r == null) {
            return cl;
        }
        while (r.subcommand() != null) {
            r = r.subcommand();
        }
        CommandLine sub = r.commandSpec().commandLine();
        return sub == null ? cl : sub;
    }

    private static int usage(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + Printable.of(ex.getMessage()));
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options and their ranges.");
        }
        err.flush();
        return USAGE;
    }

    /** Prints one line for {@code t} (the stack trace too when {@code debug}) and returns {@link #FAILED}. */
    static int failed(Throwable t, CommandLine cl, boolean debug) {
        PrintWriter err = cl.getErr();
        String command = cl.getCommandSpec().qualifiedName();
        err.println("error: " + command + " failed: " + describe(t));
        if (debug) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        } else {
            err.println("Run it again with --debug for the details, and report it if it is not explained above.");
        }
        err.flush();
        return FAILED;
    }

    /** What went wrong, for a user: the kind of failure in words and its message. */
    static String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "out of memory (" + Printable.of(String.valueOf(t.getMessage()))
                    + "): use smaller sizes (--batch, --samples, lengths) or give Java more with -Xmx";
        }
        if (t instanceof StackOverflowError) {
            return "the input is nested too deeply to process";
        }
        String message = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : Printable.of(message) + " (" + kind + ")";
    }

    private static boolean debug(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
