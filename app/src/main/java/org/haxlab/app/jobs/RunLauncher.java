package org.haxlab.app.jobs;

import java.io.IOException;

/** Starts one run on one device; {@link ProcessLauncher} starts a child JVM, tests run it in the same JVM. */
public interface RunLauncher {

    /** A started run. */
    interface Running {

        /** Waits for the run to end and returns its exit code ({@code haxlab train}'s: 0 ok, 1 failed, 2 refused). */
        int waitFor() throws InterruptedException;

        /** Asks the run to stop (SIGTERM for a child: it saves {@code last/} and exits). */
        void stop();
    }

    /**
     * Starts {@code job} on {@code slot} with {@code threads} PyTorch intra-op threads.
     *
     * @throws IOException when the run cannot be started (e.g. java cannot be executed)
     */
    Running start(RunJob job, DeviceSlot slot, int threads) throws IOException;
}
