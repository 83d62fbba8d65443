package org.haxlab.app.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.training.Preset;
import org.haxlab.app.vm.training.TrainingStatus;
import org.haxlab.app.work.ModelWorker;
import org.haxlab.model.inspect.Inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark (not a test): opens the training panel headless (Monocle) on a stage, trains the "HAX recalls"
 * preset (the classroom model: Mamba-2 +HAX, d_model 64, 2 layers, batch 16, n_c in 3..6, n_k in 2..4) for a given
 * time with a snapshot listener that runs a real inspection on the model thread every 750 ms, and reports the
 * longest FX-thread stall ({@link FxStallMonitor}). A watchdog prints the FX thread's stack whenever a probe
 * waits more than 50 ms, so a stall can be traced to its cause.
 *
 * <p>Run: {@code java -cp <test class path> -Dai.djl.offline=true -Dglass.platform=Monocle
 * -Dmonocle.platform=Headless -Dprism.order=sw org.haxlab.app.ui.TrainingPanelStallBench [seconds] [warmup-seconds] [torch-threads] [tiny|preset]}
 * (docs/UI_RESPONSIVENESS.md has the numbers).
 */
public final class TrainingPanelStallBench {

    private TrainingPanelStallBench() {
    }

    /**
     * @param args seconds to train (default 20), seconds of warm-up excluded from the measure (default 0),
     *             PyTorch intra-op threads (default 0: the engine's choice), {@code tiny} for the tests' tiny
     *             model (fast steps, the most updates per second) instead of the preset
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int torchThreads = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        boolean tiny = args.length > 3 && args[3].equals("tiny");
        // as the app's Main does, so the FX thread is measured next to the allocator users get
        System.out.println("# malloc: " + org.haxlab.model.engine.NativeAllocator.tune());
        if (torchThreads > 0) {
            ai.djl.engine.Engine.getEngine("PyTorch");
            ai.djl.pytorch.jni.JniUtils.setNumThreads(torchThreads);
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        ModelWorker worker = new ModelWorker();
        TrainingViewModel vm = new TrainingViewModel();
        AtomicReference<TrainingPanel> panel = new AtomicReference<>();
        List<String> inspections = new ArrayList<>();
        vm.setSnapshotListener((model, step) -> {
            // what the inspection pipeline will do between steps: one traced forward on a sequence
            long t0 = System.nanoTime();
            try {
                Inspector.inspect(model, sampleSequence());
            } catch (RuntimeException e) {
                inspections.add("inspection failed: " + e);
                return;
            }
            inspections.add(String.format(Locale.ROOT, "%.0f", (System.nanoTime() - t0) / 1e6));
        });
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            TrainingPanel p = new TrainingPanel(vm);
            panel.set(p);
            Stage stage = new Stage();
            stage.setScene(new Scene(p, 300, 720));
            stage.show();
            vm.applyPreset(Preset.HAX_RECALLS);
            if (tiny) {
                // many small steps: the most updates per second the panel has to show
                org.haxlab.app.vm.TrainingFixtures.tiny(vm);
                vm.setSetting(org.haxlab.app.vm.training.TrainingSetting.STEPS, 100_000);
                vm.setSetting(org.haxlab.app.vm.training.TrainingSetting.VALIDATE_EVERY, 50);
                vm.setSetting(org.haxlab.app.vm.training.TrainingSetting.LEARNING_RATE, 1e-3);
            }
            vm.attach(worker);
            shown.countDown();
        });
        shown.await();
        Thread.sleep(500);
        FxStallMonitor monitor = new FxStallMonitor();
        Thread watchdog = watchdog(monitor);
        Platform.runLater(vm::play);
        if (warmup > 0) {
            Thread.sleep(warmup * 1000L);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxId = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().equals("JavaFX Application Thread")).findFirst().orElseThrow().getId();
        long renderId = Thread.getAllStackTraces().keySet().stream()
                .filter(th -> th.getName().startsWith("QuantumRenderer")).findFirst().orElseThrow().getId();
        long cpu0 = mx.getThreadCpuTime(fxId);
        long render0 = mx.getThreadCpuTime(renderId);
        monitor.start();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        monitor.stop();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double fxCpu = (mx.getThreadCpuTime(fxId) - cpu0) / 1e9;
        double renderCpu = (mx.getThreadCpuTime(renderId) - render0) / 1e9;
        watchdog.interrupt();
        CountDownLatch read = new CountDownLatch(1);
        int[] steps = new int[1];
        TrainingStatus[] status = new TrainingStatus[1];
        Platform.runLater(() -> {
            steps[0] = vm.stepProperty().get();
            status[0] = vm.statusProperty().get();
            System.out.println("message: " + vm.messageProperty().get());
            vm.stop();
            read.countDown();
        });
        read.await();
        System.out.printf(Locale.ROOT, "trained %.1f s (after %d s warm-up): %d steps, status %s%n", elapsed, warmup,
                steps[0], status[0]);
        System.out.println("inspection ms on the model thread: " + inspections);
        System.out.println("FX stall: " + monitor.summary());
        System.out.printf(Locale.ROOT, "FX thread CPU: %.2f s over %.1f s (%.0f%% of one core); %s%n", fxCpu, elapsed,
                100 * fxCpu / elapsed, tiny ? "tiny model" : "HAX recalls preset");
        System.out.printf(Locale.ROOT, "render thread CPU: %.2f s (%.0f%% of one core)%n", renderCpu, 100 * renderCpu / elapsed);
        vm.close();
        worker.close();
        Platform.exit();
        System.exit(0);
    }

    private static org.haxlab.model.task.RecallSequence sampleSequence() {
        return org.haxlab.model.train.Wiring.tasks().create(new org.haxlab.model.train.TaskSpec(4, 4, 4, 4))
                .draw(new java.util.Random(1));
    }

    /** Prints the FX thread's stack whenever a runLater probe has waited more than 50 ms. */
    private static Thread watchdog(FxStallMonitor monitor) {
        Thread t = new Thread(() -> {
            Thread fx = null;
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(ran::countDown);
                try {
                    if (!ran.await(50, TimeUnit.MILLISECONDS)) {
                        if (fx == null) {
                            fx = Thread.getAllStackTraces().keySet().stream()
                                    .filter(th -> th.getName().equals("JavaFX Application Thread")).findFirst().orElse(null);
                        }
                        StringBuilder sb = new StringBuilder("FX thread busy > 50 ms:\n");
                        if (fx != null) {
                            StackTraceElement[] st = fx.getStackTrace();
                            for (int i = 0; i < Math.min(25, st.length); i++) {
                                sb.append("    at ").append(st[i]).append('\n');
                            }
                        }
                        ran.await();
                        sb.append(String.format(Locale.ROOT, "  (waited %.0f ms)", (System.nanoTime() - posted) / 1e6));
                        System.out.println(sb);
                    }
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "haxlab-stall-watchdog");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
