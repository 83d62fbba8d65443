package org.haxlab.app.bench;

import org.haxlab.app.cli.HaxLabCli;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code haxlab bench ...} with captured output, registering the command as the lead will. */
final class BenchCli {

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
    }

    private BenchCli() {
    }

    static Result run(String... args) {
        CommandLine cl = HaxLabCli.commandLine();   // the root registers bench itself
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
