package org.haxlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.haxlab.model.engine.EngineStartup;
import org.haxlab.model.engine.ProgressListener;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    /** Runs the full command line and returns {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Object[] {code, out.toString(), err.toString()};
    }

    @Test
    void theCliKeepsHaxLabCliCommandsAndAddsEngine() {
        CommandLine commandLine = Main.commandLine();
        assertTrue(commandLine.getSubcommands().containsKey("engine"));
        assertTrue(commandLine.getSubcommands().containsKey("help"), "HaxLabCli's own commands stay");
        Object[] help = run("--help");
        assertEquals(0, help[0]);
        assertTrue(((String) help[1]).contains("engine"), (String) help[1]);
    }

    @Test
    void engineCommandPrintsEngineVersionDeviceAndNatives() {
        Object[] result = run("engine", "--device", "auto");
        assertEquals(0, result[0], (String) result[2]);
        String out = (String) result[1];
        assertTrue(out.contains("engine:  PyTorch 2.5.1"), out);
        assertTrue(out.contains("natives: "), out);
        assertTrue(out.contains("--device auto -> "), out);
        assertTrue(out.contains("malloc: "), out);
    }

    @Test
    void engineCommandFailsClearlyOnABadOrMissingDevice() {
        Object[] bad = run("engine", "--device", "tpu");
        assertEquals(2, bad[0]);
        assertTrue(((String) bad[2]).contains("Unknown device 'tpu'"), (String) bad[2]);
        if (!EngineStartup.start(ProgressListener.NONE).hasGpu()) {
            Object[] gpu = run("engine", "--device", "gpu");
            assertEquals(1, gpu[0]);
            assertTrue(((String) gpu[2]).contains("--device gpu was asked for but there is no GPU"),
                    (String) gpu[2]);
        }
    }

    @Test
    void enumOptionsAreCaseInsensitiveThroughTheJarsCommandLine() {
        // the jar's command line must keep HaxLabCli's settings: "--format csv" (lower case) as documented
        Object[] csv = run("bench", "heatmap", "--size", "16", "--warmup", "0", "-r", "1", "--format", "csv");
        assertEquals(0, csv[0], (String) csv[2]);
        assertTrue(((String) csv[1]).contains(","), "csv output: " + csv[1]);
    }

    @Test
    void unknownCommandsAreUsageErrors() {
        assertEquals(2, run("no-such-command")[0]);
    }

    @Test
    void withoutADisplayTheGuiSaysWhatToDoInstead() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.noDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no display") && text.contains("haxlab --help"), text);
    }

    @Test
    void theWindowsOptionsAreCheckedBeforeAWindowOpens() {
        assertEquals(null, Main.checkGuiArguments(new String[] {"--tab", "Buckets"}));
        assertEquals(null, Main.checkGuiArguments(new String[] {"--scenario", "../samples/scenarios/hax-recalls.json",
                "--tab", "decay"}));
        assertEquals("--tab: no view 'sequence': the views are selection, buckets, decay, diagnosis, sparsity, slicing,"
                + " capacity, compare", Main.checkGuiArguments(new String[] {"--tab", "sequence"}));
        assertTrue(Main.checkGuiArguments(new String[] {"--scenario", "nowhere.json"}).contains("no such file nowhere.json"));
        assertTrue(Main.checkGuiArguments(new String[] {"--tab"}).contains("needs a value"));
        assertTrue(Main.checkGuiArguments(new String[] {"--tab", "decay", "--zoom", "2"}).contains("unknown option '--zoom'"));
    }

    @Test
    void withoutGtk3TheGuiSaysWhatToInstall(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.noGtk3(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("libgtk-3-0") && text.contains("gtk3") && text.contains("haxlab --help"), text);
        String platform = System.getProperty("glass.platform");
        System.clearProperty("glass.platform");
        try {
            boolean linux = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
            assertEquals(!linux, Main.hasGtk3(java.util.List.of(dir)), "an empty library folder has no GTK 3");
            java.nio.file.Files.createFile(dir.resolve("libgtk-3.so.0"));
            assertTrue(Main.hasGtk3(java.util.List.of(dir)));
        } finally {
            if (platform != null) {
                System.setProperty("glass.platform", platform);
            }
        }
    }
}
