package org.haxlab.app.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI with captured output. */
final class CliTestSupport {

    /** What one run printed and returned. */
    record Result(int code, String out, String err) {
    }

    private CliTestSupport() {
    }

    static Result run(String... args) {
        return runWithInput(null, args);
    }

    static Result runWithInput(String stdin, String... args) {
        CommandLine cl = HaxLabCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        if (stdin != null) {
            CheckCommand check = cl.getSubcommands().get("check").getCommand();
            check.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
