package org.haxlab.app.cli;

import ai.djl.engine.Engine;
import java.util.List;
import org.haxlab.app.jobs.DeviceSlot;
import picocli.CommandLine.Option;

/**
 * Where the runs of {@code table} and {@code sweep} go and how many at once: {@code --devices},
 * {@code --jobs-per-device} and {@code --threads}, checked and resolved in one place.
 */
public final class JobOptions {

    @Option(names = "--devices", defaultValue = "auto", description = "Where the runs go: gpu:0,gpu:1,..., gpu (every "
            + "visible GPU), cpu:0,cpu:1,... (process groups on the CPU), cpu, or auto = every visible GPU, else the CPU "
            + "(default: ${DEFAULT-VALUE}).")
    String devices;
    @Option(names = "--jobs-per-device", defaultValue = "1",
            description = "Runs at once on each device, each its own process (default: ${DEFAULT-VALUE}).")
    int jobsPerDevice;
    @Option(names = "--threads", defaultValue = "0",
            description = "PyTorch intra-op threads of each run; 0 = the cores shared among the runs that go at once (default).")
    int threads;

    /**
     * The device slots of {@code --devices}, after checking the counts.
     *
     * @throws IllegalArgumentException naming the option that is out of range or the device that is not there
     */
    public List<DeviceSlot> slots() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads " + threads + " must be >= 0 (0 = one per core)");
        }
        if (jobsPerDevice < 1) {
            throw new IllegalArgumentException("--jobs-per-device " + jobsPerDevice + " must be >= 1");
        }
        return DeviceSlot.parse(devices, () -> Engine.getInstance().getGpuCount());
    }

    /** Runs at once on each device. */
    public int jobsPerDevice() {
        return jobsPerDevice;
    }

    /** PyTorch intra-op threads of each run; 0 = shared out among the runs that go at once. */
    public int threads() {
        return threads;
    }
}
