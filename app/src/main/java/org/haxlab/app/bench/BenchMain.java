package org.haxlab.app.bench;

import org.haxlab.model.engine.NativeAllocator;
import picocli.CommandLine;

/**
 * Runs {@code bench} on its own ({@code java -cp ... org.haxlab.app.bench.BenchMain attention ...}), for the
 * launcher script in {@code app/src/bench}; the same command is also {@code haxlab bench}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Runs the bench command line and exits with its code. */
    public static void main(String[] args) {
        NativeAllocator.tune(); // as the app does (Main); -Dhaxlab.malloc=system measures without it
        System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
