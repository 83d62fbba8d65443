package org.haxlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.haxlab.app.cli.HardenedCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary mistakes on the command line: each is a usage error (exit 2) with one clear line naming the option and
 * the valid range or values, and never a stack trace or a Java message ("For input string", "No enum constant").
 */
class UsageErrorsTest {

    @TempDir
    Path tmp;

    /** A tiny train run's arguments, with {@code overrides} (option, value pairs) replacing or adding options. */
    private String[] train(String... overrides) {
        List<String> a = new ArrayList<>(List.of("train", "--backbone", "mamba1", "--pattern", "ssm", "--steps", "2",
                "--batch", "2", "--contexts", "1", "--keys", "2", "--device", "cpu", "--out", tmp.resolve("run").toString()));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            int at = a.indexOf(overrides[i]);
            if (at >= 0) {
                a.set(at + 1, overrides[i + 1]);
            } else {
                a.addAll(List.of(overrides[i], overrides[i + 1]));
            }
        }
        return a.toArray(String[]::new);
    }

    /** Asserts a clean usage error whose message contains every one of {@code words}. */
    static void usage(Result r, String... words) {
        assertEquals(2, r.code(), r.all());
        assertClean(r);
        for (String w : words) {
            assertTrue(r.err().contains(w), "'" + w + "' missing from: " + r.err());
        }
    }

    /** No stack trace and no raw Java message anywhere in the output. */
    static void assertClean(Result r) {
        for (String bad : List.of("\tat ", "Exception:", "For input string", "No enum constant", "Input length = ")) {
            assertFalse(r.all().contains(bad), "'" + bad + "' in: " + r.all());
        }
    }

    @Test
    void outPointingAtAnExistingFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        usage(HardenedCli.run(replaceOut(train(), file)), "--out", "is a file");
    }

    @Test
    void outUnderAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        usage(HardenedCli.run(replaceOut(train(), file.resolve("sub/run"))), "--out", "is a file, not a directory");
    }

    @Test
    void outInAReadOnlyPlace() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path ro = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        usage(HardenedCli.run(replaceOut(train(), ro.resolve("run"))), "--out", "is not writable");
    }

    @Test
    void outWithANameTooLong() {
        usage(HardenedCli.run(replaceOut(train(), tmp.resolve("n".repeat(300)))), "--out", "longer than 255 bytes",
                "... (");
    }

    @Test
    void gridsBeyondTheVocabulary() {
        usage(HardenedCli.run(train("--contexts", "17")), "--contexts", "out of range 1..16");
        usage(HardenedCli.run(train("--keys", "17")), "--keys", "out of range 1..16");
        usage(HardenedCli.run(train("--contexts", "0")), "--contexts", "1..16");
        usage(HardenedCli.run(train("--contexts", "5..2")), "--contexts", "runs backwards");
        usage(HardenedCli.run("eval", "--checkpoint", tmp.toString(), "--contexts", "17"), "--contexts", "1..16");
    }

    @Test
    void devicesThatCannotBeParsed() {
        usage(HardenedCli.run(train("--device", "gpu:-1")), "--device", "gpu:N");
        usage(HardenedCli.run(train("--device", "gpu:abc")), "--device", "GPU index must be a number");
        usage(HardenedCli.run(train("--device", "tpu")), "--device", "cpu, gpu, gpu:N");
        usage(HardenedCli.run("engine", "--device", "gpu:x"), "--device", "gpu:N");
    }

    @Test
    void enumOptionsListTheirValues() {
        usage(HardenedCli.run(train("--variant", "foo")), "--variant", "unknown LSH variant 'foo'", "paper, causal");
        usage(HardenedCli.run(train("--schedule", "foo")), "--schedule", "constant or cosine");
        usage(HardenedCli.run(train("--backbone", "mamba3")), "--backbone", "mamba1 or mamba2");
        usage(HardenedCli.run("inspect", "--lsh-rule", "foo", "--sequence", "A a 1 | A a ?"), "--lsh-rule", "sign_bits, argmax");
        usage(HardenedCli.run("inspect", "--path", "foo", "--sequence", "A a 1 | A a ?"), "--path", "auto, dense, sparse");
    }

    @Test
    void numbersThatSilentlyMeantSomethingElse() {
        usage(HardenedCli.run(train("--warmup", "-1")), "--warmup -1 is out of range 0..1000000000");
        usage(HardenedCli.run(train("--val-every", "-5")), "--val-every -5 is out of range 0..1000000000");
        usage(HardenedCli.run(train("--clip", "-1")), "--clip -1.0 is out of range");
        usage(HardenedCli.run(train("--clip", "NaN")), "--clip NaN is out of range");
        usage(HardenedCli.run(train("--lr", "0")), "--lr 0.0 is out of range");
        usage(HardenedCli.run(train("--k", "0")), "--k 0 is out of range 1..4096");
        usage(HardenedCli.run(train("--steps", "0")), "--steps 0 is out of range");
    }

    @Test
    void inspectNamesAMissingFileAndAnUnwritableOutput() {
        Result missing = HardenedCli.run("inspect", "--file", "/nonexistent");
        assertEquals(2, missing.code(), missing.all());
        assertTrue(missing.err().contains("cannot read /nonexistent: no such file"), missing.err());
        usage(HardenedCli.run("inspect", "--sequence", "A a 1 | A a ?", "--out", "/nonexistent/dir/x.json"),
                "--out", "/nonexistent/dir does not exist");
    }

    @Test
    void sizesBeyondMemoryAreRefusedWithTheRange() {
        usage(HardenedCli.run(train("--batch", "2000000000")), "--batch 2000000000 is out of range 1..");
        usage(HardenedCli.run(train("--val-samples", "2000000000", "--val-every", "1")),
                "--val-samples 2000000000 is out of range 1..");
        usage(HardenedCli.run("inspect", "--positions", "0..2000000000", "--sequence", "A a 1 | A a ?"),
                "--positions", "out of range 0..7");
        usage(HardenedCli.run("check", "--max-length", "2000000000", "A"), "--max-length", "out of range");
    }

    @Test
    void tableSizesAndOutAreCheckedToo() throws Exception {
        String out = tmp.resolve("table").toString();
        usage(HardenedCli.run("table", "--batch", "2000000000", "--out", out), "--batch 2000000000 is out of range 1..");
        usage(HardenedCli.run("table", "--test-samples", "2000000000", "--out", out), "--test-samples");
        usage(HardenedCli.run("table", "--d-model", "1000000", "--out", out), "--d-model 1000000 is out of range 1..4096");
        usage(HardenedCli.run("table", "--contexts", "17", "--out", out), "--contexts", "out of range 1..16");
        Path file = java.nio.file.Files.writeString(tmp.resolve("taken"), "x");
        usage(HardenedCli.run("table", "--out", file.toString()), "--out", "is a file");
    }

    @Test
    void inspectAsksBeforeWritingGigabytes() {
        // an MQAR sequence of 4,000 tokens, inspected whole on a full-attention model
        String seq = HardenedCli.run("generate", "--variant", "mqar", "--keys", "8", "--length", "4000").out().strip();
        Result r = HardenedCli.run("inspect", "--pattern", "full", "--sequence", seq);
        usage(r, "the JSON would be about", "--positions", "--force");
        assertTrue(r.out().isEmpty(), "nothing printed before the question");
    }

    @Test
    void theSameUsageErrorsThroughTheRealRoot() {
        // the root Main runs, not the test harness: the handlers are installed by HaxLabCli itself
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = HaxLabCli.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        assertEquals(2, CliErrors.execute(cl, "generate", "--count", "x"));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    private static String[] replaceOut(String[] args, Path out) {
        String[] a = args.clone();
        a[Arrays.asList(a).indexOf("--out") + 1] = out.toString();
        return a;
    }
}
