package org.haxlab.app.cli;

import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;
import org.haxlab.model.task.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code haxlab generate}: prints task sequences, one per line, for every knob of {@link TaskConfig}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Prints joint-recall task sequences (spec section 1), one per line.",
            "Text form: contexts A..P, keys a..p, values 0..15, '|' separator, '?' query (see samples/README.md)."},
        footer = {"", "Examples:", "  haxlab generate --contexts 2 --keys 2 --seed 1",
            "  haxlab generate --contexts 5..16 --keys 5..16 --count 3 --format ids --pad",
            "  haxlab generate --variant multilevel --levels 3 --contexts 2 --keys 2",
            "  haxlab generate --variant mqar --keys 4 --length 40"})
public final class GenerateCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { TEXT, IDS }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--variant", paramLabel = "NAME", converter = VariantConverter.class,
            description = "mqjr (default), single, multilevel or mqar")
    Variant variant = Variant.MQJR;

    @Option(names = {"-c", "--contexts"}, paramLabel = "N|MIN..MAX", converter = IntRange.Converter.class,
            description = "n_c, contexts per tier, fixed or drawn per sequence (default 4; 1 for mqar and --levels 1)")
    IntRange contexts;

    @Option(names = {"-k", "--keys"}, paramLabel = "N|MIN..MAX", converter = IntRange.Converter.class,
            description = "n_k, keys per context (for mqar: key-value pairs), fixed or drawn per sequence (default 4)")
    IntRange keys = new IntRange(4, 4);

    @Option(names = {"-v", "--values"}, paramLabel = "N", description = "|V|: values drawn i.i.d. from 0..N-1 (default 16)")
    int values = 16;

    @Option(names = {"-w", "--levels"}, paramLabel = "W",
            description = "levels w (the key is the last): 2 for mqjr, 1..4 for multilevel (default 3) and single (default 2), 1 for mqar")
    Integer levels;

    @Option(names = {"-L", "--length"}, paramLabel = "L",
            description = "padded length (0 = the longest sequence the ranges allow); for mqar the length of every sequence")
    int length;

    @Option(names = {"-s", "--seed"}, paramLabel = "S", description = "random seed; equal options give equal output (default 0)")
    long seed;

    @Option(names = {"-n", "--count"}, paramLabel = "N", description = "how many sequences (default 1)")
    int count = 1;

    @Option(names = {"-f", "--format"}, paramLabel = "text|ids", converter = FormatConverter.class,
            description = "text (default) or ids: the token ids, space separated, BOS first")
    Format format = Format.TEXT;

    @Option(names = "--pad", description = "with --format ids: right-pad every sequence with PAD (3) to the padded length")
    boolean pad;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaskConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (count < 0) {
            err.println("error: --count " + count + " is negative");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        TaskSampler sampler = new TaskSampler(config);
        for (int i = 0; i < count; i++) {
            RecallSequence s = sampler.next();
            out.println(format == Format.IDS ? SequenceText.printIds(s, pad ? config.paddedLength() : 0) : SequenceText.print(s));
            if (out.checkError()) {
                // the reader went away (generate | head): stop quietly, as other Unix tools do
                return CommandLine.ExitCode.OK;
            }
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /** The config these options describe. */
    TaskConfig config() {
        int w = levels != null ? levels : variant.defaultLevels();
        IntRange c = contexts != null ? contexts : w == 1 ? new IntRange(1, 1) : new IntRange(4, 4);
        return new TaskConfig(c.min(), c.max(), keys.min(), keys.max(), values, length, seed, variant, w);
    }

    /** Variant names as on the command line. */
    static final class VariantConverter implements CommandLine.ITypeConverter<Variant> {
        @Override
        public Variant convert(String value) {
            try {
                return Variant.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Format names, case-insensitive. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "text" -> Format.TEXT;
                case "ids" -> Format.IDS;
                default -> throw new CommandLine.TypeConversionException("unknown format '" + value + "'; expected text or ids");
            };
        }
    }
}
