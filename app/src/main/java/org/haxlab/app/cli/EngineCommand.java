package org.haxlab.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.model.engine.EngineStartup;
import org.haxlab.model.engine.EngineUnavailableException;
import org.haxlab.model.engine.NativeAllocator;
import org.haxlab.model.engine.TextProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code haxlab engine [--device cpu|gpu|gpu:N|auto]}: starts the engine and prints which engine, version,
 * device and natives we got and why; exit code 1 with a clear message when it cannot start or the
 * device asked for is absent.
 */
@Command(name = EngineCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Start the PyTorch engine (offline) and show engine, version, device and natives.",
                "The first start unpacks about 425 MB of natives into ~/.djl.ai (or DJL_CACHE_DIR)."})
public final class EngineCommand implements Callable<Integer> {

    /** Name of the command. */
    public static final String NAME = "engine";

    @Option(names = "--device", defaultValue = "auto", paramLabel = "cpu|gpu|gpu:N|auto", converter = Converters.Device.class,
            description = "Device to check for (default: ${DEFAULT-VALUE}); gpu fails when there is none.")
    DeviceChoice device = DeviceChoice.DEFAULT;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeviceChoice choice = device;
        try {
            EngineInfo info = EngineStartup.start(new TextProgress(System.err));
            out.println(info.describe());
            out.println("--device " + choice + " -> " + choice.resolve(info));
            out.println("malloc: " + NativeAllocator.state());
            out.flush();
            return 0;
        } catch (EngineUnavailableException e) {
            err.println("haxlab engine: " + e.getMessage());
            err.flush();
            return 1;
        }
    }
}
