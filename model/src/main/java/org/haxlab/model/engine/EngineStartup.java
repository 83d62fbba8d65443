package org.haxlab.model.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import java.nio.file.Path;

/**
 * Starts DJL's PyTorch engine once per process, offline, and says what we got.
 *
 * <p>Call from a background thread: the first start unpacks about 425 MB of natives (seconds), later
 * starts take well under a second. Every failure comes out as an {@link EngineUnavailableException}
 * whose message can be shown to the user as-is.
 */
public final class EngineStartup {

    /** The DJL engine this app runs on. */
    public static final String ENGINE = "PyTorch";

    private static final long POLL_MILLIS = 200;
    private static EngineInfo started;

    private EngineStartup() {
    }

    /**
     * Starts the engine (or returns what an earlier call got).
     *
     * @param listener told about the unpacking when the natives are not in the cache yet; may be
     *                 {@link ProgressListener#NONE}
     * @return engine, version, device and why
     * @throws EngineUnavailableException when the engine cannot start; the message says what to do
     */
    public static synchronized EngineInfo start(ProgressListener listener) {
        if (started != null) {
            return started;
        }
        // The natives ship inside our jars: never let DJL try the network for them or anything else.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // PYTORCH_LIBRARY_PATH: natives provided outside the jars (e.g. a CUDA libtorch staged on a GPU
        // machine); DJL loads them from there and nothing is unpacked.
        String external = System.getenv("PYTORCH_LIBRARY_PATH");
        boolean overridden = external != null;
        NativesCache cache = overridden
                ? NativesCache.external(java.nio.file.Path.of(external), System.getenv("PYTORCH_VERSION"),
                        System.getenv("PYTORCH_FLAVOR"))
                : NativesCache.locate();
        boolean unpack = !overridden && cache.state() != NativesCache.State.PRESENT;
        if (!overridden) {
            StartupFailures.checkBeforeUnpack(cache, StartupFailures.usableSpace(cache.cacheRoot()));
        }
        Engine engine;
        if (unpack && cache.expectedBytes() > 0) {
            listener.onUnpackStarted(cache);
            UnpackMonitor monitor = new UnpackMonitor(cache.cacheRoot(), cache.expectedBytes(), POLL_MILLIS, listener);
            try {
                engine = load(cache);
            } finally {
                monitor.close(); // one last report, then the listener hears that unpacking ended
                listener.onUnpackFinished();
            }
        } else {
            engine = load(cache);
        }
        started = describe(engine, cache);
        return started;
    }

    /** True once {@link #start} has succeeded in this process. */
    public static synchronized boolean isStarted() {
        return started != null;
    }

    /** Whether the first start will unpack natives (so a GUI can decide to show a progress window). */
    public static boolean needsUnpack() {
        try {
            return NativesCache.locate().state() != NativesCache.State.PRESENT;
        } catch (RuntimeException e) {
            return false; // start() will report the problem properly
        }
    }

    private static Engine load(NativesCache cache) {
        try {
            Engine engine = Engine.getEngine(ENGINE);
            engine.defaultDevice(); // forces the native library to be fully usable
            return engine;
        } catch (Throwable t) { // UnsatisfiedLinkError and friends are Errors: we explain them all
            throw StartupFailures.explain(t, cache, safeGpuCount());
        }
    }

    private static EngineInfo describe(Engine engine, NativesCache cache) {
        int gpus = engine.getGpuCount();
        Device device = engine.defaultDevice();
        Path natives = Path.of(LibUtils.getLibtorchPath());
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), device.toString(), gpus, natives,
                deviceNote(cache.cudaBuild(), cache.flavor(), gpus));
    }

    /** Why we got this device, in one line (spec: the app says which device a run used and why). */
    static String deviceNote(boolean cudaBuild, String flavor, int gpus) {
        if (!cudaBuild) {
            return "CPU build of the natives (pytorch-native-cpu): no GPU support; build with -Pcuda for GPUs";
        }
        if (gpus == 0) {
            return "CUDA build (" + flavor + ") but no CUDA device is visible: check the NVIDIA driver "
                    + "(nvidia-smi) and CUDA_VISIBLE_DEVICES";
        }
        return "CUDA build (" + flavor + ") with " + gpus + (gpus == 1 ? " GPU" : " GPUs");
    }

    private static int safeGpuCount() {
        try {
            return CudaUtils.getGpuCount();
        } catch (Throwable t) {
            return 0;
        }
    }
}
