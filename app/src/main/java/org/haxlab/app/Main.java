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
            String bad = checkGuiArguments(args);
            if (bad != null) {
                System.err.println("HAX Lab: " + bad);
                System.exit(2);
            }
            if (!hasGtk3(LIBRARY_DIRS)) {
                noGtk3(System.err);
                System.exit(2);
            }
            // --scenario FILE [--tab ID] opens the window on a saved lesson (see HaxLabApp)
            try {
                Application.launch(HaxLabApp.class, args);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                if (String.valueOf(e.getMessage()).contains("GTK")) {
                    noGtk3(System.err);   // a GTK 3 we found but could not load: the same advice, no stack trace
                    System.exit(2);
                }
                throw e;
            }
            return;
        }
        System.exit(run(args));
    }

    /** Runs a command of {@link HaxLabCli} and returns its exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(String... args) {
        return HaxLabCli.execute(commandLine(), args);
    }

    /** The full command line, with its error handlers ({@link HaxLabCli#commandLine()}). */
    public static CommandLine commandLine() {
        CommandLine commandLine = HaxLabCli.commandLine();
        // snapshot renders views, so it lives beside the window, not in the window-free cli package
        if (!commandLine.getSubcommands().containsKey(SnapshotCommand.NAME)) {
            commandLine.addSubcommand(SnapshotCommand.NAME, new SnapshotCommand());
        }
        return commandLine;
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

    /** Where Linux distributions put libgtk-3 (Debian/Ubuntu multiarch, Fedora/openSUSE lib64, Arch lib). */
    static final java.util.List<java.nio.file.Path> LIBRARY_DIRS = java.util.List.of(
            java.nio.file.Path.of("/usr/lib/x86_64-linux-gnu"), java.nio.file.Path.of("/usr/lib/aarch64-linux-gnu"),
            java.nio.file.Path.of("/usr/lib64"), java.nio.file.Path.of("/usr/lib"), java.nio.file.Path.of("/lib64"),
            java.nio.file.Path.of("/usr/local/lib"));

    /**
     * JavaFX's window on Linux needs GTK 3 (libgtk-3.so.0); without it the toolkit dies with a raw
     * "Unable to load glass GTK library" trace. True elsewhere, under Monocle, or when the library is found.
     */
    static boolean hasGtk3(java.util.List<java.nio.file.Path> dirs) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return dirs.stream().anyMatch(d -> java.nio.file.Files.exists(d.resolve("libgtk-3.so.0")));
    }

    static void noGtk3(PrintStream err) {
        err.println("HAX Lab: the window needs GTK 3 (libgtk-3.so.0), which this system does not have.");
        err.println("Install it, then start HAX Lab again:");
        err.println("  Debian / Ubuntu:  sudo apt install libgtk-3-0");
        err.println("  Fedora / RHEL:    sudo dnf install gtk3");
        err.println("  Arch:             sudo pacman -S gtk3");
        err.println("The commands work without it: 'haxlab --help'.");
    }

    /**
     * Checks the window's own options ({@code --scenario FILE}, {@code --tab ID}) before a window opens;
     * null when they are fine, else what is wrong (an unknown view id lists the valid ones).
     */
    static String checkGuiArguments(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!name.equals("--scenario") && !name.equals("--tab")) {
                return "unknown option '" + name + "' for the window; it takes --scenario FILE and --tab ID"
                        + " (commands: haxlab --help)";
            }
            if (i + 1 >= args.length) {
                return name + " needs a value: " + (name.equals("--tab") ? "one of " + String.join(", ",
                        org.haxlab.app.vm.View.ids()) : "a scenario file");
            }
            String value = args[i + 1];
            if (name.equals("--tab")) {
                try {
                    org.haxlab.app.vm.View.of(value);
                } catch (IllegalArgumentException e) {
                    return "--tab: " + e.getMessage();
                }
            } else if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(value))) {
                return "--scenario: no such file " + value;
            }
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
