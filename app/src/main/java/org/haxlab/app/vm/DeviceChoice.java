package org.haxlab.app.vm;

/** Where the model runs; GPU only when the engine reports one (the engine code decides, not the view). */
public enum DeviceChoice {
    /** The CPU natives, always available. */
    CPU("CPU"),
    /** A CUDA device, when the engine found one. */
    GPU("GPU");

    private final String label;

    DeviceChoice(String label) {
        this.label = label;
    }

    /** Name shown in the device chooser. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
