package org.haxlab.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A command line like {@code Main}'s with train and eval on the fixture model, for tests that need a real process
 * (signals): {@code java -cp ... org.haxlab.app.cli.FixtureCliMain train ...}.
 */
public final class FixtureCliMain {

    private FixtureCliMain() {
    }

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        CommandLine cl = HaxLabCli.commandLine();
        cl.getCommandSpec().removeSubcommand("train");
        cl.getCommandSpec().removeSubcommand("eval");
        cl.addSubcommand(new TrainCommand(HardenedCli.FIXTURE_MODELS, HardenedCli.FIXTURE_TASKS))
                .addSubcommand(new EvalCommand(HardenedCli.FIXTURE_MODELS, HardenedCli.FIXTURE_TASKS));
        CliErrors.install(cl);
        cl.setErr(new PrintWriter(System.err, true));
        System.exit(CliErrors.execute(cl, args));
    }
}
