package org.haxlab.app.cli;

import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.SequenceError;
import org.haxlab.model.task.SequenceParseException;
import org.haxlab.model.task.SequenceText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code haxlab check}: validates one typed sequence and prints its answer table, or every error found. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validates a task sequence and prints the answer of every query, or the errors with their positions.",
            "Exit code 0: valid; 1: invalid sequence; 2: usage or I/O error."},
        footer = {"", "Examples:", "  haxlab check A a 3 b 2 B b 4 a 1 '|' B a ? b ? A b ? a ?",
            "  haxlab check --file samples/mqjr-2x2.txt",
            "  haxlab generate --format ids | haxlab check --format ids -"})
public final class CheckCommand implements Callable<Integer> {
    /** Exit code of an invalid sequence. */
    static final int INVALID = 1;
    /** How the parser's message for a sequence longer than the limit starts. */
    static final String OVER_LENGTH = "over-length:";
    /** Errors printed before the rest are only counted. */
    static final int MAX_ERRORS = 20;
    /** Longest --max-length: beyond it a sequence is no longer a desktop inspection. */
    static final int MAX_LENGTH = 1 << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "TOKEN", arity = "0..*",
            description = "the sequence, as words (quote '|' and '?' in a shell), or a single '-' to read standard input")
    List<String> words = List.of();

    @Option(names = "--file", paramLabel = "FILE",
            description = "read the sequence from FILE, a pipe, or '-' for standard input ('#' starts a comment line)")
    Path file;

    @Option(names = {"-f", "--format"}, paramLabel = "text|ids", converter = GenerateCommand.FormatConverter.class,
            description = "text (default) or ids (token ids, BOS and trailing PAD optional)")
    GenerateCommand.Format format = GenerateCommand.Format.TEXT;

    @Option(names = "--max-length", paramLabel = "L", description = "longest sequence accepted, BOS included (default 4096)")
    int maxLength = SequenceText.DEFAULT_MAX_LENGTH;

    /** Standard input; replaced in tests. */
    InputStream in = System.in;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = read();
            ParsedSequence parsed = format == GenerateCommand.Format.IDS
                    ? SequenceText.parseIds(text, maxLength) : SequenceText.parse(text, maxLength);
            out.println("valid " + parsed.summary());
            out.println(SequenceText.print(parsed.sequence()));
            out.print(parsed.answers().format());
            out.flush();
            return CommandLine.ExitCode.OK;
        } catch (SequenceParseException e) {
            printErrors(e.errors(), err);
            return INVALID;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + Printable.of(e.getMessage()));
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
    }

    private String read() throws IOException {
        if (file != null && !words.isEmpty()) {
            throw new IllegalArgumentException("give the sequence either as words or with --file, not both");
        }
        Limits.check(spec.commandLine(), "--max-length", maxLength, 2, MAX_LENGTH, null);
        boolean ids = format == GenerateCommand.Format.IDS;
        if (file != null) {
            return SequenceInput.read(file, in, maxLength, ids);
        }
        if (words.size() == 1 && words.get(0).equals("-")) {
            return SequenceInput.read(null, in, maxLength, ids);
        }
        return String.join(" ", words);
    }

    /**
     * Prints the errors of an invalid sequence: a count, then the first {@link #MAX_ERRORS} (control characters
     * escaped) and how many more there are, so a huge bad input prints a screenful, not megabytes.
     */
    static void printErrors(List<SequenceError> errors, PrintWriter err) {
        // an over-length input first: it explains the rest, and reading stopped at its token
        List<SequenceError> ordered = new java.util.ArrayList<>(errors);
        ordered.sort(java.util.Comparator.comparing(e -> !e.message().contains(OVER_LENGTH)));
        err.println("invalid sequence: " + errors.size() + (errors.size() == 1 ? " error" : " errors"));
        for (int i = 0; i < Math.min(ordered.size(), MAX_ERRORS); i++) {
            String m = ordered.get(i).message();
            err.println("  " + Printable.of(m) + (m.contains(OVER_LENGTH)
                    ? " (a file or standard input is read only up to that token)" : ""));
        }
        if (errors.size() > MAX_ERRORS) {
            err.println("  ... and " + (errors.size() - MAX_ERRORS) + " more");
        }
        err.flush();
    }

    /** Drops lines starting with '#', so sample files can explain themselves. */
    static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("#")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
