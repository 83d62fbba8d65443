package org.haxlab.app.jobs;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts each run as its own {@code haxlab train} process on the parent's own runtime: the same java
 * ({@link ProcessHandle.Info#command()}), class path ({@code java.class.path}, made absolute) and JVM options
 * (heap, {@code -D} settings such as {@code haxlab.malloc}; debugger agents left out), or the same native launcher
 * when the parent is the installed app image. stdout and stderr are appended to the job's log file.
 *
 * <p>A GPU child sees only its own GPU ({@code CUDA_VISIBLE_DEVICES} set to that one, mapped through the parent's
 * own {@code CUDA_VISIBLE_DEVICES} when set) and trains on {@code gpu:0}: no process opens a CUDA context on
 * another run's GPU.
 */
public final class ProcessLauncher implements RunLauncher {

    /** The entry point of the app; a child runs {@code Main train ...}. */
    public static final String MAIN_CLASS = "org.haxlab.app.Main";

    private final List<String> prefix;
    private final Map<String, String> parentEnv;

    /** A launcher for the running JVM (or app image launcher). */
    public ProcessLauncher() {
        this(commandPrefix(), System.getenv());
    }

    /**
     * @param prefix    the command up to and including the entry point, before {@code train}
     * @param parentEnv the parent's environment (for {@code CUDA_VISIBLE_DEVICES})
     */
    public ProcessLauncher(List<String> prefix, Map<String, String> parentEnv) {
        this.prefix = List.copyOf(prefix);
        this.parentEnv = Map.copyOf(parentEnv);
    }

    /** The command that starts this program again: java, its options, the class path and {@link #MAIN_CLASS}. */
    public static List<String> commandPrefix() {
        Optional<String> cmd = ProcessHandle.current().info().command();
        String exe = cmd.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String name = Path.of(exe).getFileName().toString();
        List<String> out = new ArrayList<>();
        out.add(exe);
        if (!name.equals("java") && !name.equals("java.exe")) {
            return out;   // the app image's native launcher: it sets up its own runtime and class path
        }
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a second JVM on the same debug port or agent would fail to start
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xrunjdwp")
                    && !a.startsWith("-XX:Flags")) {
                out.add(a);
            }
        }
        out.add("-cp");
        out.add(absoluteClassPath(System.getProperty("java.class.path", "")));
        out.add(MAIN_CLASS);
        return out;
    }

    /** Every entry made absolute, so a child started in another folder finds the same jars. */
    static String absoluteClassPath(String cp) {
        List<String> parts = new ArrayList<>();
        for (String p : cp.split(File.pathSeparator)) {
            if (!p.isEmpty()) {
                parts.add(Path.of(p).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    /** The full command line of {@code job} on {@code slot}. */
    public List<String> command(RunJob job, DeviceSlot slot, int threads) {
        List<String> c = new ArrayList<>(prefix);
        c.add("train");
        c.addAll(job.trainArgs());
        c.add("--device");
        c.add(slot.gpu() ? "gpu:0" : "cpu");
        c.add("--threads");
        c.add(Integer.toString(threads));
        return c;
    }

    /** The value of {@code CUDA_VISIBLE_DEVICES} a child on GPU {@code index} gets. */
    String visibleDevice(int index) {
        String parent = parentEnv.get("CUDA_VISIBLE_DEVICES");
        if (parent == null || parent.isBlank()) {
            return Integer.toString(index);
        }
        String[] ids = parent.split(",");
        if (index >= ids.length) {
            throw new IllegalArgumentException("gpu:" + index + " is not in CUDA_VISIBLE_DEVICES=" + parent);
        }
        return ids[index].strip();
    }

    @Override
    public Running start(RunJob job, DeviceSlot slot, int threads) throws IOException {
        Files.createDirectories(job.log().toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command(job, slot, threads));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(job.log().toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (slot.gpu()) {
            pb.environment().put("CUDA_VISIBLE_DEVICES", visibleDevice(slot.index()));
        }
        Process p = pb.start();
        return new Running() {
            @Override
            public int waitFor() throws InterruptedException {
                return p.waitFor();
            }

            @Override
            public void stop() {
                p.destroy();   // SIGTERM: train's shutdown hook stops between steps and saves last/
            }
        };
    }
}
