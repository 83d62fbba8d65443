package org.haxlab.app.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.haxlab.model.engine.NativeAllocator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a benchmark ran on (every report starts with it): CPU model, cores, memory, load, JVM, DJL and
 * PyTorch versions and the intra-op thread count libtorch uses.
 *
 * @param cpuModel     from /proc/cpuinfo
 * @param cores        processors the JVM sees
 * @param memTotalMb   physical memory
 * @param memAvailMb   memory available when the run started
 * @param loadAverage  1/5/15-minute load when the run started (others' work shows here)
 * @param jvm          JVM name and version
 * @param djl          DJL version
 * @param pytorch      PyTorch (libtorch) version behind DJL
 * @param torchThreads libtorch intra-op threads in this JVM
 * @param malloc       how the C allocator under libtorch is set up ({@link NativeAllocator#state()})
 * @param started      when the information was taken
 */
public record MachineInfo(String cpuModel, int cores, long memTotalMb, long memAvailMb, String loadAverage,
                          String jvm, String djl, String pytorch, int torchThreads, String malloc, String started) {

    /** Reads everything from this process and machine (loads the PyTorch engine). */
    public static MachineInfo collect() {
        Engine engine = Engine.getEngine("PyTorch");
        return new MachineInfo(readCpuModel(), Runtime.getRuntime().availableProcessors(),
                meminfoKb("MemTotal:") / 1024, meminfoKb("MemAvailable:") / 1024, readLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Engine.getDjlVersion(), engine.getVersion(), JniUtils.getNumThreads(), NativeAllocator.state(),
                Instant.now().toString());
    }

    /** Sets libtorch's intra-op thread count in this JVM (both sides of a comparison should match). */
    public static void setTorchThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads=" + threads + " must be >= 1");
        }
        Engine.getEngine("PyTorch");  // loads the native library first
        JniUtils.setNumThreads(threads);
    }

    /** Ordered key/value view, for the text and Markdown reports. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cpu", cpuModel);
        m.put("cores", Integer.toString(cores));
        m.put("memory", memTotalMb + " MiB total, " + memAvailMb + " MiB available at start");
        m.put("load average at start", loadAverage);
        m.put("jvm", jvm);
        m.put("djl", djl);
        m.put("pytorch (libtorch via DJL)", pytorch);
        m.put("libtorch intra-op threads", Integer.toString(torchThreads));
        m.put("malloc", malloc);
        m.put("started", started);
        return m;
    }

    /** Comment lines ("# key: value") to put above CSV output. */
    public String asComment() {
        StringBuilder sb = new StringBuilder();
        asMap().forEach((k, v) -> sb.append("# ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    private static String readCpuModel() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static long meminfoKb(String key) {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith(key)) {
                return MemoryProbe.parseKb(line.substring(key.length()));
            }
        }
        return -1;
    }

    private static String readLoadAverage() {
        List<String> l = lines("/proc/loadavg");
        if (l.isEmpty()) {
            return "unknown";
        }
        String[] f = l.get(0).split(" ");
        return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : l.get(0);
    }

    /** Available memory now, in MiB (-1 when unknown); the dense-path budget is derived from it. */
    public static long availableMb() {
        long kb = meminfoKb("MemAvailable:");
        return kb < 0 ? -1 : kb / 1024;
    }

    private static List<String> lines(String path) {
        try {
            return Files.readAllLines(Path.of(path));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
