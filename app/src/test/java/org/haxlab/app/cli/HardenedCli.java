package org.haxlab.app.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.RecallFixture;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.TinyRecallModel;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine;

/**
 * The whole CLI as {@code Main} runs it (root, error handlers, {@link CliErrors#execute}), with train and eval on
 * the fixture model and task and inspect on a chosen model factory, capturing what a user would see; one command
 * alone ({@link #runAlone}); and the tiny fixture run that the train, eval and resume tests train. Every CLI test
 * that trains takes its fixture model and task from here.
 */
final class HardenedCli {

    /** The fixture model of the train and eval tests. */
    static final ModelFactory FIXTURE_MODELS = TinyRecallModel::new;
    /** The fixture task. */
    static final TaskFactory FIXTURE_TASKS = RecallFixture.factory();
    /**
     * The tiny run's train options, less {@code --steps} and {@code --out}: Mamba-1 without the sparse branch,
     * batch 4, n_c 1..2, n_k 2, validation every 6 steps on the CPU; the warm-up is given so that runs of
     * different lengths share their schedule (a resumed run equals one in one go).
     */
    static final List<String> TINY_RUN = List.of("--backbone", "mamba1", "--pattern", "ssm", "--batch", "4",
            "--lr", "3e-3", "--seed", "5", "--contexts", "1..2", "--keys", "2", "--warmup", "3", "--val-every", "6",
            "--val-samples", "8", "--device", "cpu");

    static {
        // tiny arrays: one intra-op thread avoids OpenMP spin-waiting on a shared, oversubscribed machine
        ai.djl.engine.Engine.getEngine("PyTorch");
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    /** Exit code and the two streams of one run. */
    record Result(int code, String out, String err) {
        /** Both streams, for assertions about what was shown at all. */
        String all() {
            return out + err;
        }
    }

    private HardenedCli() {
    }

    static Result run(String... args) {
        return run(FIXTURE_MODELS, null, args);
    }

    /** {@code train} of the {@link #TINY_RUN} into {@code out}, with {@code extra} options ({@code --steps} at least). */
    static Result trainTiny(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(TINY_RUN);
        args.addAll(List.of(extra));
        args.addAll(List.of("--out", out.toString()));
        return run(args.toArray(String[]::new));
    }

    static Result runWithInput(byte[] stdin, String... args) {
        return run(FIXTURE_MODELS, new ByteArrayInputStream(stdin), args);
    }

    static Result runWithInput(String stdin, String... args) {
        return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with train and eval on {@code models} (fixture task) and inspect on the real model. */
    static Result run(ModelFactory models, InputStream stdin, String... args) {
        return run(models, Wiring.models(), stdin, new StringWriter(), args);
    }

    /**
     * Runs {@code command} alone, not under the root and without the error policy: for tests of one command
     * that must not depend on where the root registers it.
     */
    static Result runAlone(Object command, String... args) {
        return capture(new CommandLine(command), new StringWriter(), cl -> cl.execute(args));
    }

    /** The general form: {@code out} receives standard output (tests pass a failing writer). */
    static Result run(ModelFactory models, ModelFactory inspectModels, InputStream stdin, java.io.Writer out, String... args) {
        CommandLine cl = HaxLabCli.commandLine();
        for (String name : new String[] {"train", "eval", "inspect"}) {
            cl.getCommandSpec().removeSubcommand(name);
        }
        InspectCommand inspect = new InspectCommand(inspectModels);
        cl.addSubcommand(new TrainCommand(models, FIXTURE_TASKS)).addSubcommand(new EvalCommand(models, FIXTURE_TASKS))
                .addSubcommand(inspect);
        CliErrors.install(cl);
        if (stdin != null) {
            CheckCommand check = cl.getSubcommands().get("check").getCommand();
            check.in = stdin;
            inspect.in = stdin;
        }
        return capture(cl, out, c -> CliErrors.execute(c, args));
    }

    /** Runs {@code execute} on {@code cl} with standard output into {@code out} and standard error captured. */
    private static Result capture(CommandLine cl, java.io.Writer out, ToIntFunction<CommandLine> execute) {
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = execute.applyAsInt(cl);
        return new Result(code, out.toString(), err.toString());
    }
}
