package org.haxlab.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-Java reader of weights files agrees with DJL's own decoder and refuses damage with an IOException. */
class WeightsDecoderTest {

    private static byte[] encoded(NDManager manager) {
        try (TinyRecallModel m = new TinyRecallModel(TinyRecallModel.config(8, 5), manager, ai.djl.Device.cpu())) {
            NDList list = new NDList();
            m.params().asMap().values().forEach(list::add);
            return list.encode();
        }
    }

    @Test
    void agreesWithDjlsDecoder() throws Exception {
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] bytes = encoded(manager);
            Map<String, WeightsDecoder.Array> ours = WeightsDecoder.decode(bytes);
            NDList theirs = NDList.decode(manager, bytes);
            assertEquals(theirs.size(), ours.size());
            for (NDArray a : theirs) {
                WeightsDecoder.Array o = ours.get(a.getName());
                assertArrayEquals(a.getShape().getShape(), o.shape(), a.getName());
                assertArrayEquals(a.toFloatArray(), o.values(), a.getName());
            }
        }
    }

    @Test
    void damagedFilesAreRefusedWithAnIoException() throws Exception {
        byte[] good;
        try (NDManager manager = NDManager.newBaseManager()) {
            good = encoded(manager);
        }
        Random r = new Random(11);
        for (int n = 0; n < 2000; n++) {
            byte[] bad = r.nextBoolean() ? Arrays.copyOf(good, r.nextInt(good.length)) : good.clone();
            if (bad.length == good.length) {
                // damage the header region, where lengths and names are (data bytes are any float)
                int at = r.nextInt(Math.min(bad.length, 200));
                bad[at] ^= (byte) (1 + r.nextInt(255));
            }
            try {
                WeightsDecoder.decode(bad);
            } catch (IOException expected) {
                // refused with a message: the only failure allowed
            }
        }
        assertThrows(IOException.class, () -> WeightsDecoder.decode(new byte[] {0, 0, 0, 1}));
    }
}
