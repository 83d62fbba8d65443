package org.haxlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.haxlab.app.cli.OutputPaths;
import org.haxlab.app.scenario.ScenarioException;
import org.haxlab.app.ui.Snapshot;
import org.haxlab.app.vm.View;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.model.engine.EngineStartup;
import org.haxlab.model.engine.EngineUnavailableException;
import org.haxlab.model.engine.TextProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code haxlab snapshot --scenario F --tab ID --out F.png [--size WxH]}: renders the window opened on a
 * scenario, with one view in front, to a PNG without a display (Monocle, software rendering). README's
 * screenshots are made with it; so are the UI tests' pictures.
 */
@Command(name = SnapshotCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Render the window on a scenario, one view in front, to a PNG (headless, no display needed).",
                "Example: haxlab snapshot --scenario samples/scenarios/hax-recalls.json --tab buckets --out buckets.png"})
public final class SnapshotCommand implements Callable<Integer> {

    /** Name of the command. */
    public static final String NAME = "snapshot";

    /** The first eight bytes of every PNG file, read as ISO-8859-1. */
    static final String PNG_SIGNATURE = "\u0089PNG\r\n\u001a\n";

    @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "The scenario to open.")
    Path scenario;

    @Option(names = "--tab", defaultValue = "selection", paramLabel = "ID",
            description = "The view in front (default: ${DEFAULT-VALUE}): selection, buckets, decay, diagnosis, sparsity,"
                    + " slicing, capacity, compare.")
    String tab;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "Where to write the PNG.")
    Path out;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH",
            description = "Window size in pixels (default: ${DEFAULT-VALUE}; 640x400 to 3840x2400).")
    String size;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        View view;
        int[] wh;
        try {
            view = View.of(tab);
            wh = parseSize(size);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(scenario)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scenario: no such file " + scenario);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out: the folder " + parent + " does not exist");
        }
        // an earlier snapshot may be redrawn, but not the scenario or another file given as --out by mistake
        OutputPaths.replaceableFile(spec.commandLine(), "--out", out, PNG_SIGNATURE, "a PNG image");
        Snapshot.headless(wh[0], wh[1]);
        try (ModelWorker worker = new ModelWorker()) {
            EngineInfo engine = worker.submit(() -> EngineStartup.start(new TextProgress(System.err))).get();
            Snapshot.render(scenario, view, wh[0], wh[1], out, engine, worker);
        } catch (ScenarioException e) {
            err.println("haxlab snapshot: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("haxlab snapshot: " + e.getMessage());
            err.flush();
            return 1;
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("haxlab snapshot: " + (e.getCause() instanceof EngineUnavailableException u ? u.getMessage()
                    : "the engine did not start: " + e.getCause()));
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        spec.commandLine().getOut().println("wrote " + out + " (" + wh[0] + "x" + wh[1] + ", view " + view.id() + ")");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Parses {@code WxH}.
     *
     * @throws IllegalArgumentException naming the text and the allowed range
     */
    static int[] parseSize(String text) {
        if (text == null || !text.matches("\\d{3,4}x\\d{3,4}")) {
            throw new IllegalArgumentException("--size '" + text + "' must be WIDTHxHEIGHT, e.g. 1600x1000");
        }
        String[] p = text.split("x");
        int w = Integer.parseInt(p[0]);
        int h = Integer.parseInt(p[1]);
        if (w < 640 || h < 400 || w > 3840 || h > 2400) {
            throw new IllegalArgumentException("--size " + text + " is outside 640x400 .. 3840x2400");
        }
        return new int[] {w, h};
    }
}
