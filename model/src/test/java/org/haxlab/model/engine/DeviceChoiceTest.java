package org.haxlab.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    private static final EngineInfo CPU_ONLY = new EngineInfo("PyTorch", "2.5.1", "cpu()", 0, Path.of("/n"),
            "CPU build of the natives (pytorch-native-cpu): no GPU support; build with -Pcuda for GPUs");
    private static final EngineInfo TWO_GPUS = new EngineInfo("PyTorch", "2.5.1", "gpu(0)", 2, Path.of("/n"),
            "CUDA build (cu124) with 2 GPUs");

    @Test
    void parsesAnyCaseAndRejectsOthersByName() {
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse(" GPU "));
        assertEquals(DeviceChoice.AUTO, DeviceChoice.parse("auto"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("tpu"));
        assertTrue(e.getMessage().contains("'tpu'") && e.getMessage().contains("cpu, gpu, gpu:N (N = 0, 1, ...) or auto"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(null));
    }

    @Test
    void gpuIndicesAreNumbersInRange() {
        assertEquals(DeviceChoice.gpu(1), DeviceChoice.parse("gpu:1"));
        assertEquals(DeviceChoice.GPU, DeviceChoice.parse("cuda:0"));
        assertEquals("gpu:3", DeviceChoice.parse("GPU:3").toString());
        for (String bad : new String[] {"gpu:-1", "gpu:abc", "gpu:", "gpu:99999", "gpu:1:2"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(bad), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("gpu:N"), e.getMessage());
        }
        assertEquals(Device.gpu(1), DeviceChoice.gpu(1).resolve(TWO_GPUS));
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> DeviceChoice.gpu(2).resolve(TWO_GPUS));
        assertTrue(e.getMessage().contains("gpu:0..gpu:1"), e.getMessage());
    }

    @Test
    void autoTakesTheGpuWhenThereIsOne() {
        assertEquals(Device.cpu(), DeviceChoice.AUTO.resolve(CPU_ONLY));
        assertEquals(Device.gpu(0), DeviceChoice.AUTO.resolve(TWO_GPUS));
        assertEquals(Device.cpu(), DeviceChoice.CPU.resolve(TWO_GPUS));
        assertEquals(Device.gpu(0), DeviceChoice.GPU.resolve(TWO_GPUS));
    }

    @Test
    void gpuWithoutAGpuFailsAndSaysWhy() {
        EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                () -> DeviceChoice.GPU.resolve(CPU_ONLY));
        assertTrue(e.getMessage().contains("CPU build"), e.getMessage());
        assertTrue(e.getMessage().contains("--device cpu"), e.getMessage());
    }
}
