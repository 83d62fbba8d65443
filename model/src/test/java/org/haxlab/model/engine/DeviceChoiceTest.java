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
        assertTrue(e.getMessage().contains("'tpu'") && e.getMessage().contains("cpu, gpu or auto"));
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse(null));
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
