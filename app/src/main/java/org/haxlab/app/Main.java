package org.haxlab.app;

import java.io.PrintStream;
import javafx.application.Application;
import org.haxlab.app.cli.HaxLabCli;
import org.haxlab.app.ui.HaxLabApp;
import org.haxlab.model.engine.NativeAllocator;
import picocli.CommandLine;

/**
 * The jar's entry point: no arguments (or {@code --scenario FILE [--tab ID]}) open the GUI, anything else runs the command line
 * ({@code haxlab <command> ...}) and exits with its code.
 */
public final class Main {

    private Main() {
    }

    /** Starts the GUI or runs a command. */
    public static void main(String[] args) {
        // Before any DJL class loads: the natives ship in our jars, so DJL must never reach for the network.
        System.getProperties().putIfAbsent("ai.djl.offline", "true");
        quietLibraryLogs();
        // Before libtorch allocates anything: keep its tensors out of per-allocation mmaps (NativeAllocator).
        NativeAllocator.tune();
        if (args.length == 0 || args[0].equals("--scenario") || args[0].equals("--tab")) {
            if (!hasDisplay()) {
                noDisplay(System.err);
                System.exit(2);
            }
            // --scenario FILE [--tab ID] opens the window on a saved lesson (see HaxLabApp)
            Application.launch(HaxLabApp.class, args);
            return;
        }
        System.exit(run(args));
    }

    /** Runs a command of {@link HaxLabCli} and returns its exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(String... args) {
        return HaxLabCli.execute(args);
    }

    /** The full command line, with its error handlers ({@link HaxLabCli#commandLine()}). */
    public static CommandLine commandLine() {
        return HaxLabCli.commandLine();
    }

    /**
     * DJL logs every start at INFO and warns about CUDA on machines with a GPU stub; users should see our
     * own messages, not those. A {@code -Dorg.slf4j.simpleLogger...} given on the command line wins.
     */
    static void quietLibraryLogs() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    }

    /** On Linux a GUI needs an X11 or Wayland display; elsewhere assume there is one. */
    static boolean hasDisplay() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"))
                || "Monocle".equals(System.getProperty("glass.platform"));
    }

    static void noDisplay(PrintStream err) {
        err.println("HAX Lab: no display (DISPLAY is not set), so the window cannot open.");
        err.println("Run a command instead, e.g. 'haxlab engine' or 'haxlab --help', or start it under a desktop.");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
