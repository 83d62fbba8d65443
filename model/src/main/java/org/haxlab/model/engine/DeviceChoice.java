package org.haxlab.model.engine;

import ai.djl.Device;
import java.util.Locale;

/** What the user asked for with {@code --device cpu|gpu|auto}. */
public enum DeviceChoice {
    /** Always the CPU. */
    CPU,
    /** The first GPU; an error when there is none. */
    GPU,
    /** The first GPU when there is one, else the CPU. */
    AUTO;

    /**
     * Parses {@code cpu}, {@code gpu} or {@code auto} (any case).
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static DeviceChoice parse(String text) {
        if (text != null) {
            for (DeviceChoice choice : values()) {
                if (choice.name().equalsIgnoreCase(text.trim())) {
                    return choice;
                }
            }
        }
        throw new IllegalArgumentException("Unknown device '" + text + "': use cpu, gpu or auto");
    }

    /**
     * The device this choice means on the engine we got.
     *
     * @throws EngineUnavailableException when a GPU is asked for and there is none, saying why
     */
    public Device resolve(EngineInfo info) {
        switch (this) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (!info.hasGpu()) {
                    throw new EngineUnavailableException("--device gpu was asked for but there is no GPU: "
                            + info.note() + ". Use --device cpu or --device auto.");
                }
                return Device.gpu(0);
            default:
                return info.hasGpu() ? Device.gpu(0) : Device.cpu();
        }
    }

    /** Lower-case name as typed on the command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
