package org.haxlab.app.jobs;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --devices}: the accepted forms, the defaults, and an error naming the item for everything else. */
class DeviceSlotTest {

    private static final DeviceSlot CPU0 = new DeviceSlot(false, 0);
    private static final DeviceSlot CPU1 = new DeviceSlot(false, 1);
    private static final DeviceSlot GPU0 = new DeviceSlot(true, 0);
    private static final DeviceSlot GPU1 = new DeviceSlot(true, 1);

    @Test
    void autoIsEveryVisibleGpuElseTheCpu() {
        assertEquals(List.of(GPU0, GPU1), DeviceSlot.parse("auto", () -> 2));
        assertEquals(List.of(GPU0, GPU1), DeviceSlot.parse("", () -> 2));
        assertEquals(List.of(CPU0), DeviceSlot.parse("auto", () -> 0));
        assertEquals(List.of(CPU0), DeviceSlot.parse(null, () -> 0));
    }

    @Test
    void listsOfCpuAndGpuSlots() {
        assertEquals(List.of(CPU0, CPU1), DeviceSlot.parse("cpu:0,cpu:1", () -> 0));
        assertEquals(List.of(CPU0), DeviceSlot.parse("cpu", () -> 0));
        assertEquals(List.of(GPU1, GPU0), DeviceSlot.parse(" GPU:1 , gpu:0 ", () -> 2));
        assertEquals(List.of(GPU0, GPU1), DeviceSlot.parse("gpu", () -> 2));
        assertEquals(List.of(GPU0, CPU0), DeviceSlot.parse("cuda:0,cpu", () -> 1));
        assertEquals("gpu:1", GPU1.toString());
        assertEquals("cpu:0", CPU0.toString());
    }

    @Test
    void theGpuCountIsAskedOnlyWhenAGpuIsNamed() {
        AtomicInteger asked = new AtomicInteger();
        DeviceSlot.parse("cpu:0,cpu:1", () -> {
            asked.incrementAndGet();
            return 0;
        });
        assertEquals(0, asked.get(), "listing CPU slots must not load the engine");
        DeviceSlot.parse("gpu:0,gpu:1", () -> {
            asked.incrementAndGet();
            return 2;
        });
        assertEquals(1, asked.get(), "asked once for the whole list");
    }

    @Test
    void badListsSayWhatAndWhere() {
        assertTrue(error("gpu:0", 0).contains("gpu:0 is not visible, the engine sees 0 GPU(s)"));
        assertTrue(error("gpu:2", 2).contains("gpu:2 is not visible, the engine sees 2 GPU(s)"));
        assertTrue(error("gpu", 0).contains("gpu is not visible"));
        assertTrue(error("cpu,cpu", 0).contains("cpu:0 is listed twice") && error("cpu,cpu", 0).contains("--jobs-per-device"));
        assertTrue(error("gpu:0,gpu", 1).contains("gpu:0 is listed twice"));
        assertTrue(error("tpu:0", 0).contains("'tpu:0' is not a device"));
        assertTrue(error("gpu:x", 1).contains("'gpu:x' is not a device"));
        assertTrue(error("cpu:-1", 0).contains("'cpu:-1' is not a device"));
        assertTrue(error("gpu0", 1).contains("'gpu0' is not a device"));
        assertTrue(error("cpu:0,,cpu:1", 0).contains("an empty item"));
        String msg = error("tpu", 0);
        assertTrue(msg.startsWith("--devices 'tpu'") && msg.contains("expected gpu:N, cpu:N"), msg);
    }

    private static String error(String text, int gpus) {
        return assertThrows(IllegalArgumentException.class, () -> DeviceSlot.parse(text, () -> gpus)).getMessage();
    }
}
