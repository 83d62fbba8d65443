package org.haxlab.app.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * One device that runs child processes: {@code gpu:N} (the N-th GPU the parent sees) or {@code cpu:N} (a group of
 * processes on the host CPU; several CPU slots split the cores between them, which is also how the multi-device
 * code path is exercised on a machine without GPUs).
 *
 * @param gpu   true for a GPU
 * @param index the GPU's index among the visible ones, or the CPU slot's number
 */
public record DeviceSlot(boolean gpu, int index) {

    public DeviceSlot {
        if (index < 0) {
            throw new IllegalArgumentException("device index " + index + " must be >= 0");
        }
    }

    /** The slot as written in {@code --devices}: {@code gpu:1}, {@code cpu:0}. */
    @Override
    public String toString() {
        return (gpu ? "gpu:" : "cpu:") + index;
    }

    /**
     * Parses {@code --devices}: a comma-separated list of {@code gpu:N}, {@code cpu:N}, {@code gpu} (every visible
     * GPU) and {@code cpu} (= {@code cpu:0}); {@code auto} or blank is every visible GPU, else {@code cpu:0}. A device
     * listed twice is refused (several runs on one device is {@code --jobs-per-device}), and so is a GPU the engine
     * does not see.
     *
     * @param text        the option's value
     * @param visibleGpus counts the GPUs the engine sees; called only when the list needs it (it loads the engine)
     */
    public static List<DeviceSlot> parse(String text, IntSupplier visibleGpus) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<DeviceSlot> out = new ArrayList<>();
        if (t.isEmpty() || t.equals("auto")) {
            int gpus = visibleGpus.getAsInt();
            for (int i = 0; i < gpus; i++) {
                out.add(new DeviceSlot(true, i));
            }
            return out.isEmpty() ? List.of(new DeviceSlot(false, 0)) : List.copyOf(out);
        }
        Integer gpus = null;
        for (String raw : t.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("--devices '" + text + "': an empty item (expected a list such as "
                        + "gpu:0,gpu:1 or cpu:0,cpu:1)");
            }
            if (item.equals("gpu") || item.equals("cuda")) {
                gpus = gpus == null ? visibleGpus.getAsInt() : gpus;
                if (gpus == 0) {
                    throw noGpu(text, item, 0);
                }
                for (int i = 0; i < gpus; i++) {
                    add(out, new DeviceSlot(true, i), text);
                }
                continue;
            }
            boolean gpu = item.startsWith("gpu") || item.startsWith("cuda");
            String kind = gpu ? (item.startsWith("gpu") ? "gpu" : "cuda") : "cpu";
            if (!item.startsWith(kind)) {
                throw unknown(text, raw);
            }
            String rest = item.substring(kind.length());
            int index;
            if (rest.isEmpty() && !gpu) {
                index = 0;
            } else if (rest.startsWith(":")) {
                try {
                    index = Integer.parseInt(rest.substring(1));
                } catch (NumberFormatException e) {
                    throw unknown(text, raw);
                }
                if (index < 0) {
                    throw unknown(text, raw);
                }
            } else {
                throw unknown(text, raw);
            }
            if (gpu) {
                gpus = gpus == null ? visibleGpus.getAsInt() : gpus;
                if (index >= gpus) {
                    throw noGpu(text, item, gpus);
                }
            }
            add(out, new DeviceSlot(gpu, index), text);
        }
        return List.copyOf(out);
    }

    private static void add(List<DeviceSlot> out, DeviceSlot slot, String text) {
        if (out.contains(slot)) {
            throw new IllegalArgumentException("--devices '" + text + "': " + slot + " is listed twice (for several "
                    + "runs on one device use --jobs-per-device)");
        }
        out.add(slot);
    }

    private static IllegalArgumentException unknown(String text, String item) {
        return new IllegalArgumentException("--devices '" + text + "': '" + item.strip() + "' is not a device "
                + "(expected gpu:N, cpu:N, gpu for every visible GPU, cpu, or auto)");
    }

    private static IllegalArgumentException noGpu(String text, String item, int gpus) {
        return new IllegalArgumentException("--devices '" + text + "': " + item + " is not visible, the engine sees "
                + gpus + " GPU(s) (a CPU build, no CUDA driver, or CUDA_VISIBLE_DEVICES hides it: check `haxlab "
                + "engine --device gpu`)");
    }
}
