package org.haxlab.app.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.InspectionJson;
import org.haxlab.model.inspect.Inspector;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceParseException;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.train.Checkpoint;
import org.haxlab.model.train.CheckpointException;
import org.haxlab.model.train.CheckpointStore;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code haxlab inspect}: one sequence through one model, printed as the JSON of docs/INSPECT_JSON.md
 * (buckets, KS scores, selected keys with components and weights, decay, predictions).
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Runs one sequence through a model and prints what every layer did, as JSON "
                + "(format haxlab-inspection/1, see docs/INSPECT_JSON.md).",
            "The model is a fresh one built from --backbone/--pattern/--seed, or a trained --checkpoint.",
            "Exit code 0: printed; 1: invalid sequence, unusable checkpoint or NaN outputs; 2: usage error.",
            "Above " + (InspectSize.WARN_BYTES >> 20) + " MiB of JSON it asks for --positions, --layers or --force."},
        footer = {"", "Examples:",
            "  haxlab inspect --backbone mamba2 --pattern hax --sequence 'A a 3 b 2 B b 4 a 1 | B a ? b ?'",
            "  haxlab inspect --checkpoint runs/hax --file samples/mqjr-4x4.txt --positions queries --layers 1",
            "  haxlab generate --contexts 3 --keys 3 | haxlab inspect --pattern sw -"})
public final class InspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--lsh-rule", defaultValue = "sign_bits", paramLabel = "sign_bits|argmax", converter = Converters.LshRule.class,
            description = "sign_bits or argmax (default ${DEFAULT-VALUE})")
    SparseConfig.LshRule lshRule;

    @Option(names = "--path", defaultValue = "auto", paramLabel = "auto|dense|sparse", converter = Converters.AttentionPath.class,
            description = "auto, dense or sparse attention path (default ${DEFAULT-VALUE})")
    SparseConfig.AttentionPath path;

    @Option(names = "--seed", defaultValue = "0", description = "weight and LSH-projection seed of a fresh model (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "a trained checkpoint (or run directory: best/, else last/); its config replaces the model options")
    Path checkpoint;

    @Option(names = "--sequence", paramLabel = "TEXT", description = "the sequence in text form (samples/README.md)")
    String sequence;

    @Option(names = "--file", paramLabel = "FILE", description = "read the sequence from FILE ('#' starts a comment line)")
    Path file;

    @CommandLine.Parameters(arity = "0..1", paramLabel = "-", description = "'-' reads the sequence from standard input")
    String stdin;

    @Option(names = "--layers", paramLabel = "L[,L...]", split = ",", description = "layers to print (default all)")
    List<Integer> layers = new ArrayList<>();

    @Option(names = "--positions", paramLabel = "SPEC",
            description = "all (default), queries (the inquiry key positions), A..B (inclusive), or a list P,P,...")
    String positions = "all";

    @Option(names = "--full-decay", description = "Mamba-1: every channel x state decay instead of the mean over states")
    boolean fullDecay;

    @Option(names = "--vectors", description = "per layer with a branch, every position's Q and K row as the "
            + "selection saw them and the LSH projection in use, to recompute the selection independently")
    boolean vectors;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|gpu:N|auto", converter = Converters.Device.class,
            description = "where to run: cpu, gpu, gpu:N or auto (default ${DEFAULT-VALUE})")
    DeviceChoice device;

    @Option(names = "--force", description = "print the JSON even when it would be larger than "
            + (InspectSize.WARN_BYTES >> 20) + " MiB")
    boolean force;

    @Option(names = "--out", paramLabel = "FILE", description = "write the JSON to FILE instead of standard output")
    Path out;

    private final ModelFactory models;

    /** Standard input; replaced in tests. */
    InputStream in = System.in;

    /** The command with the real model. */
    public InspectCommand() {
        this(Wiring.models());
    }

    /** The command with a given model factory (tests). */
    public InspectCommand(ModelFactory models) {
        this.models = models;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RecallSequence seq;
        try {
            seq = readSequence().sequence();
        } catch (SequenceParseException e) {
            CheckCommand.printErrors(e.errors(), err);
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            err.println("error: " + Printable.of(e.getMessage()));
            err.flush();
            return 2;
        }
        ModelConfig config;
        Checkpoint cp = null;
        InspectionJson.Options options;
        CheckpointStore store = new CheckpointStore();
        CommandLine cl = spec.commandLine();
        try {
            if (checkpoint != null) {
                cp = store.read(checkpoint);
                config = cp.record().model();
            } else {
                config = freshConfig();
            }
            options = new InspectionJson.Options(layers, positionList(seq), fullDecay, vectors);
        } catch (CheckpointException e) {
            err.println("error: unusable checkpoint: " + Printable.of(e.getMessage()));
            err.flush();
            return 1;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        for (int layer : layers) {
            Limits.check(cl, "--layers", layer, 0, config.layers() - 1, "the model has " + config.layers() + " layers");
        }
        long bytes = InspectSize.estimate(config, seq.length(), options);
        if (bytes > InspectSize.WARN_BYTES && !force) {
            throw new CommandLine.ParameterException(cl, "the JSON would be about " + (bytes >> 20) + " MiB ("
                    + seq.length() + " positions x " + config.layers() + " layers of " + config.sparse().pattern().id()
                    + "); choose fewer with --positions (e.g. queries) or --layers, or add --force");
        }
        if (out != null) {
            OutputPaths.replaceableFile(cl, "--out", out, "\"" + InspectionJson.FORMAT + "\"", "an inspection JSON ("
                    + InspectionJson.FORMAT + ")");
        }
        Device dev = Converters.resolve(cl, device);
        try (NDManager manager = NDManager.newBaseManager(dev);
             SequenceModel model = models.create(config, manager, dev)) {
            if (cp != null) {
                store.loadInto(cp.dir(), model);
            }
            Inspection inspection = Inspector.inspect(model, seq);
            String nonFinite = InspectSize.firstNonFinite(inspection);
            if (nonFinite != null) {
                // JSON has no NaN: say so instead of writing half a document
                err.println("error: the model's outputs are not finite (" + nonFinite + "): its weights are broken"
                        + " (a diverged run?); nothing was written");
                err.flush();
                return 1;
            }
            try (Writer w = out == null ? new PrintWriterNoClose(spec.commandLine().getOut())
                    : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                InspectionJson.write(inspection, options, w);
                w.write(System.lineSeparator());
            }
            return 0;
        } catch (CheckpointException e) {
            err.println("error: unusable checkpoint: " + Printable.of(e.getMessage()));
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("error: cannot write " + (out == null ? "the output" : out) + ": " + OutputPaths.reason(e));
            err.flush();
            return 1;
        }
    }

    private ModelConfig freshConfig() {
        SparseConfig sparse = modelOptions.sparse(spec.commandLine()).withLshRule(lshRule).withPath(path);
        return modelOptions.model(sparse, seed);
    }

    private ParsedSequence readSequence() throws IOException {
        int sources = (sequence != null ? 1 : 0) + (file != null ? 1 : 0) + (stdin != null ? 1 : 0);
        if (sources != 1) {
            throw new IllegalArgumentException("give exactly one of --sequence TEXT, --file FILE or '-' (standard input)");
        }
        if (stdin != null && !"-".equals(stdin)) {
            throw new IllegalArgumentException("unexpected argument '" + stdin + "' (use --sequence TEXT, --file FILE or '-')");
        }
        String text = sequence != null ? sequence : SequenceInput.read(file, in, SequenceText.DEFAULT_MAX_LENGTH, false);
        return SequenceText.parse(CheckCommand.withoutComments(text), SequenceText.DEFAULT_MAX_LENGTH);
    }

    /** The positions option as a list (empty = all). */
    List<Integer> positionList(RecallSequence seq) {
        String p = positions.trim().toLowerCase(Locale.ROOT);
        List<Integer> list = new ArrayList<>();
        if (p.equals("all")) {
            return list;
        }
        if (p.equals("queries")) {
            for (int q : seq.queryPositions()) {
                list.add(q);
            }
            return list;
        }
        try {
            if (p.contains("..")) {
                String[] ends = p.split("\\.\\.", -1);
                int from = Integer.parseInt(ends[0].trim());
                int to = Integer.parseInt(ends[1].trim());
                if (ends.length != 2 || from > to) {
                    throw new IllegalArgumentException("--positions " + positions + ": the range is empty");
                }
                checkPosition(from, seq);
                checkPosition(to, seq);
                for (int i = from; i <= to; i++) {
                    list.add(i);
                }
            } else {
                String[] parts = p.split(",");
                if (parts.length > seq.length()) {
                    throw new IllegalArgumentException("--positions lists " + parts.length + " positions; the sequence has "
                            + seq.length());
                }
                for (String s : parts) {
                    list.add(checkPosition(Integer.parseInt(s.trim()), seq));
                }
                list.sort(Integer::compare);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--positions " + Printable.of(positions)
                    + ": expected all, queries, A..B or a comma-separated list of positions");
        }
        return list;
    }

    private static int checkPosition(int p, RecallSequence seq) {
        if (p < 0 || p >= seq.length()) {
            throw new IllegalArgumentException("--positions: " + p + " is out of range 0.." + (seq.length() - 1)
                    + " (positions of this sequence, BOS = 0)");
        }
        return p;
    }

    /** Writes to the command's output without closing it (picocli owns it). */
    private static final class PrintWriterNoClose extends BufferedWriter {
        PrintWriterNoClose(PrintWriter target) {
            super(target);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
