package org.haxlab.model.engine;

import ai.djl.Device;
import java.util.List;
import java.util.Locale;

/**
 * Where the user asked the model to run: {@code cpu}, {@code gpu} (the first GPU), {@code gpu:N} or
 * {@code auto} (the first GPU when there is one, else the CPU). The one device type of the command line
 * ({@code --device}) and of the window's device chooser; {@link #DEFAULT} is the default everywhere.
 *
 * @param kind  CPU, GPU or AUTO
 * @param index the GPU's index for {@link Kind#GPU} (0 for {@code gpu}); 0 otherwise
 */
public record DeviceChoice(Kind kind, int index) {

    /** The three kinds of choice. */
    public enum Kind {
        /** Always the CPU. */
        CPU,
        /** A given GPU; an error when it is absent. */
        GPU,
        /** The first GPU when there is one, else the CPU. */
        AUTO
    }

    /** Always the CPU. */
    public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, 0);
    /** The first GPU; an error when there is none. */
    public static final DeviceChoice GPU = new DeviceChoice(Kind.GPU, 0);
    /** The first GPU when there is one, else the CPU. */
    public static final DeviceChoice AUTO = new DeviceChoice(Kind.AUTO, 0);
    /** The default of every {@code --device} option: use a GPU where there is one. */
    public static final DeviceChoice DEFAULT = AUTO;
    /** What the accepted spellings are, for error messages and help. */
    public static final String ACCEPTED = "cpu, gpu, gpu:N (N = 0, 1, ...) or auto";
    /** Highest GPU index accepted at parse time (no machine has more GPUs in one process). */
    public static final int MAX_GPU_INDEX = 1023;

    /** Checks the index. */
    public DeviceChoice {
        if (kind == null) {
            throw new IllegalArgumentException("device kind is missing");
        }
        if (index < 0 || index > MAX_GPU_INDEX || (kind != Kind.GPU && index != 0)) {
            throw new IllegalArgumentException("GPU index " + index + " is out of range 0.." + MAX_GPU_INDEX);
        }
    }

    /** The GPU with index {@code n}. */
    public static DeviceChoice gpu(int n) {
        return n == 0 ? GPU : new DeviceChoice(Kind.GPU, n);
    }

    /** The choices the window's device chooser offers. */
    public static List<DeviceChoice> windowChoices() {
        return List.of(CPU, GPU);
    }

    /**
     * Parses {@code cpu}, {@code gpu}, {@code gpu:N} or {@code auto} (any case, {@code cuda} for {@code gpu}).
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static DeviceChoice parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "cpu":
                return CPU;
            case "gpu":
            case "cuda":
                return GPU;
            case "auto":
                return AUTO;
            default:
                break;
        }
        int colon = t.indexOf(':');
        String head = colon < 0 ? t : t.substring(0, colon);
        if (colon > 0 && (head.equals("gpu") || head.equals("cuda"))) {
            String n = t.substring(colon + 1);
            if (!n.matches("[0-9]{1,4}") || Integer.parseInt(n) > MAX_GPU_INDEX) {
                throw new IllegalArgumentException("unknown device '" + text + "': the GPU index must be a number 0.."
                        + MAX_GPU_INDEX + " (use " + ACCEPTED + ")");
            }
            return gpu(Integer.parseInt(n));
        }
        throw new IllegalArgumentException("Unknown device '" + text + "': use " + ACCEPTED);
    }

    /**
     * The device this choice means on the engine we got.
     *
     * @throws EngineUnavailableException when a GPU is asked for and it is absent, saying why
     */
    public Device resolve(EngineInfo info) {
        switch (kind) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (!info.hasGpu()) {
                    throw new EngineUnavailableException("--device " + this + " was asked for but there is no GPU: "
                            + info.note() + ". Use --device cpu or --device auto.");
                }
                if (index >= info.gpuCount()) {
                    throw new EngineUnavailableException("--device " + this + " was asked for but the engine sees "
                            + info.gpuCount() + (info.gpuCount() == 1 ? " GPU (gpu:0)" : " GPUs (gpu:0..gpu:"
                            + (info.gpuCount() - 1) + ")") + ".");
                }
                return Device.gpu(index);
            default:
                return info.hasGpu() ? Device.gpu(0) : Device.cpu();
        }
    }

    /** Whether this choice may need a GPU (GPU, or AUTO). */
    public boolean wantsGpu() {
        return kind != Kind.CPU;
    }

    /** Name shown in the window's device chooser: CPU, GPU, GPU 1, Auto. */
    public String label() {
        return switch (kind) {
            case CPU -> "CPU";
            case GPU -> index == 0 ? "GPU" : "GPU " + index;
            case AUTO -> "Auto";
        };
    }

    /** The spelling typed on the command line: {@code cpu}, {@code gpu}, {@code gpu:1}, {@code auto}. */
    @Override
    public String toString() {
        return switch (kind) {
            case CPU -> "cpu";
            case GPU -> index == 0 ? "gpu" : "gpu:" + index;
            case AUTO -> "auto";
        };
    }
}
