package org.haxlab.app.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.haxlab.model.train.ModelFactory;
import org.haxlab.model.train.RecallFixture;
import org.haxlab.model.train.TaskFactory;
import org.haxlab.model.train.TinyRecallModel;
import org.haxlab.model.train.Wiring;
import picocli.CommandLine;

/**
 * The whole CLI as {@code Main} runs it (root, error handlers, {@link CliErrors#execute}), with train and eval on
 * the fixture model and task and inspect on a chosen model factory, capturing what a user would see.
 */
final class HardenedCli {

    /** The fixture model of the train and eval tests. */
    static final ModelFactory FIXTURE_MODELS = TinyRecallModel::new;
    /** The fixture task. */
    static final TaskFactory FIXTURE_TASKS = RecallFixture.factory();

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
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = CliErrors.execute(cl, args);
        return new Result(code, out.toString(), err.toString());
    }
}
