package org.haxlab.model.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What engine start-up got.
 *
 * @param engineName    DJL engine name, e.g. {@code PyTorch}
 * @param engineVersion native library version, e.g. {@code 2.5.1}
 * @param device        the default device DJL picked: {@code cpu()} or {@code gpu(0)}
 * @param gpuCount      number of CUDA devices the engine sees (0 on a CPU build)
 * @param nativesDir    where the native libraries were loaded from
 * @param note          one line on the device: why there is no GPU, or which GPU build is in use
 */
public record EngineInfo(String engineName, String engineVersion, String device, int gpuCount,
                         Path nativesDir, String note) {

    /** Checks that every field is present and the GPU count is not negative. */
    public EngineInfo {
        Objects.requireNonNull(engineName, "engineName");
        Objects.requireNonNull(engineVersion, "engineVersion");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(nativesDir, "nativesDir");
        Objects.requireNonNull(note, "note");
        if (gpuCount < 0) {
            throw new IllegalArgumentException("gpuCount must be >= 0, got " + gpuCount);
        }
    }

    /** True when at least one GPU is usable. */
    public boolean hasGpu() {
        return gpuCount > 0;
    }

    /** One line for a status bar: {@code PyTorch 2.5.1 · cpu() · CPU build of the natives ...}. */
    public String summary() {
        String gpus = gpuCount > 0 ? " (" + gpuCount + (gpuCount == 1 ? " GPU)" : " GPUs)") : "";
        return engineName + " " + engineVersion + " · " + device + gpus + " · " + note;
    }

    /** Several lines for {@code haxlab engine}. */
    public String describe() {
        return "engine:  " + engineName + " " + engineVersion + System.lineSeparator()
                + "device:  " + device + System.lineSeparator()
                + "gpus:    " + gpuCount + System.lineSeparator()
                + "natives: " + nativesDir + System.lineSeparator()
                + "note:    " + note;
    }
}
