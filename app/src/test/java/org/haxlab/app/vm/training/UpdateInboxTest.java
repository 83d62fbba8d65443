package org.haxlab.app.vm.training;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model-to-FX-thread inbox: every update in order, at most one wake-up per drain. */
class UpdateInboxTest {

    private static TrainingUpdate notice(int i) {
        return new TrainingUpdate.Notice("n" + i, false);
    }

    @Test
    void aBurstBetweenTwoDrainsWakesOnceAndKeepsEveryUpdateInOrder() {
        UpdateInbox inbox = new UpdateInbox();
        AtomicInteger wakes = new AtomicInteger();
        inbox.setWakeUp(wakes::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            inbox.post(notice(i));
        }
        assertEquals(1, wakes.get());
        List<TrainingUpdate> seen = new ArrayList<>();
        inbox.drain(seen::add);
        assertEquals(List.of(notice(0), notice(1), notice(2), notice(3), notice(4)), seen);

        inbox.post(notice(5));
        assertEquals(2, wakes.get(), "after a drain the next post wakes again");
    }

    @Test
    void updatesWaitingBeforeTheWakeUpIsSetRequestADrainAtOnce() {
        UpdateInbox inbox = new UpdateInbox();
        inbox.post(notice(0));
        AtomicInteger wakes = new AtomicInteger();
        inbox.setWakeUp(wakes::incrementAndGet);
        assertEquals(1, wakes.get());
        inbox.post(notice(1));
        assertEquals(1, wakes.get());

        UpdateInbox empty = new UpdateInbox();
        AtomicInteger none = new AtomicInteger();
        empty.setWakeUp(none::incrementAndGet);
        assertEquals(0, none.get(), "nothing waiting: no wake-up");
    }

    @Test
    void anUpdatePostedWhileDrainingRequestsTheNextDrain() {
        UpdateInbox inbox = new UpdateInbox();
        AtomicInteger wakes = new AtomicInteger();
        inbox.setWakeUp(wakes::incrementAndGet);
        inbox.post(notice(0));
        List<TrainingUpdate> seen = new ArrayList<>();
        inbox.drain(u -> {
            seen.add(u);
            if (seen.size() == 1) {
                inbox.post(notice(1));
            }
        });
        assertEquals(2, wakes.get());
        assertEquals(List.of(notice(0), notice(1)), seen, "the drain under way also takes what arrived meanwhile");
    }

    @Test
    void postsFromManyThreadsAllArrive() throws InterruptedException {
        UpdateInbox inbox = new UpdateInbox();
        AtomicInteger wakes = new AtomicInteger();
        inbox.setWakeUp(wakes::incrementAndGet);
        int threads = 4;
        int each = 500;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> posters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < each; i++) {
                    inbox.post(notice(i));
                }
            });
            th.start();
            posters.add(th);
        }
        go.countDown();
        for (Thread th : posters) {
            th.join();
        }
        AtomicInteger count = new AtomicInteger();
        inbox.drain(u -> count.incrementAndGet());
        assertEquals(threads * each, count.get());
        assertEquals(1, wakes.get(), "no drain ran in between: one wake-up for all of them");
    }
}
