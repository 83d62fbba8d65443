package org.haxlab.app.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker with a queue standing in for the FX thread, so callbacks run when the test says so. */
class ModelWorkerTest {

    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final ModelWorker worker = new ModelWorker(uiQueue::add);

    @AfterEach
    void close() {
        worker.close();
    }

    private void runNextUiTask() throws InterruptedException {
        Runnable task = uiQueue.poll(5, TimeUnit.SECONDS);
        assertTrue(task != null, "a callback was posted to the UI thread");
        task.run();
    }

    @Test
    void runsWorkOnTheModelThreadAndTheCallbackOnTheUiExecutor() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        worker.submit(() -> {
            seen.add(Thread.currentThread().getName() + " " + worker.isModelThread());
            return 42;
        }, value -> seen.add("ui " + value + " " + Thread.currentThread().getName()), failure -> seen.add("fail"));
        runNextUiTask();
        assertEquals(List.of(ModelWorker.THREAD_NAME + " true", "ui 42 main"), seen);
        assertFalse(worker.isModelThread());
    }

    @Test
    void keepsSubmissionOrderOnOneThread() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            worker.submit(() -> {
                threads.add(Thread.currentThread().getName());
                order.add(n);
                return n;
            });
        }
        worker.submit(() -> null).get(5, TimeUnit.SECONDS);
        assertEquals(java.util.stream.IntStream.range(0, 20).boxed().toList(), order);
        assertEquals(1, threads.stream().distinct().count());
    }

    @Test
    void failuresReachTheUiUnwrappedIncludingErrors() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        worker.submit(() -> {
            throw new UnsatisfiedLinkError("libtorch.so: cannot open");
        }, value -> failures.add(new AssertionError("no success expected")), failures::add);
        runNextUiTask();
        assertInstanceOf(UnsatisfiedLinkError.class, failures.get(0));
        assertEquals("libtorch.so: cannot open", failures.get(0).getMessage());
    }

    @Test
    void closeRejectsNewWorkAndInterruptsWorkThatDoesNotFinish() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        worker.submit(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return null;
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        worker.close();
        assertTrue(worker.isClosed());
        assertTrue(interrupted.get(), "a stuck task is interrupted on close");
        assertThrows(RejectedExecutionException.class, () -> worker.submit(() -> 1));
    }
}
