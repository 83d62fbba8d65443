package org.haxlab.model.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code weights.ndlist} (DJL's {@code NDList.encode()} of named FLOAT32 arrays) in plain Java, checking
 * every length against the bytes that are there. A checkpoint is input from disk: decoding it here, rather than
 * in the native engine, means a damaged file can only ever give a clear error, never a huge allocation, and
 * loading a checkpoint no longer makes libtorch print its "AutoNonVariableTypeMode is deprecated" warning
 * (which its native decoding path triggers).
 *
 * <p>Layout (DJL 0.33, NDArray encoding version 3; all numbers big-endian as {@link DataInputStream} reads them):
 * array count (int); per array: "NDAR" (modified UTF-8 string), version (int, 3), has-name flag (byte) and name
 * (string), sparse format (string, DENSE), data type (string), shape (int rank, rank longs, int layout length,
 * that many chars), byte order ('&lt;' little or '&gt;' big), data length (int), data.
 */
final class WeightsDecoder {

    /** Most dimensions an array may have. */
    static final int MAX_RANK = 8;

    /** One decoded array. */
    record Array(long[] shape, float[] values) {
    }

    private WeightsDecoder() {
    }

    /**
     * Decodes {@code bytes}.
     *
     * @throws IOException saying what is wrong and at which array
     */
    static Map<String, Array> decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        int count = in.readInt();
        if (count < 0 || count > bytes.length / 16) {
            throw new IOException("the array count " + count + " does not fit a file of " + bytes.length + " bytes");
        }
        Map<String, Array> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String where = "array " + (i + 1) + " of " + count;
            if (!"NDAR".equals(in.readUTF())) {
                throw new IOException(where + " does not start with NDAR");
            }
            int version = in.readInt();
            if (version != 3) {
                throw new IOException(where + " has encoding version " + version + " (this HAX Lab reads 3)");
            }
            if (in.readByte() != 1) {
                throw new IOException(where + " has no name");
            }
            String name = in.readUTF();
            where = "array '" + name + "'";
            String sparse = in.readUTF();
            String type = in.readUTF();
            if (!"DENSE".equals(sparse) || !"FLOAT32".equals(type)) {
                throw new IOException(where + " is " + sparse + " " + type + "; checkpoints hold DENSE FLOAT32 arrays");
            }
            int rank = in.readInt();
            if (rank < 0 || rank > MAX_RANK) {
                throw new IOException(where + " has " + rank + " dimensions");
            }
            long[] shape = new long[rank];
            long size = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = in.readLong();
                if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                    throw new IOException(where + " has dimension " + shape[d]);
                }
                size = Math.multiplyExact(size, shape[d]);
            }
            int layout = in.readInt();
            if (layout < 0 || layout > MAX_RANK) {
                throw new IOException(where + " has a layout of " + layout + " characters");
            }
            in.skipNBytes(2L * layout);
            int order = in.readByte();
            if (order != '<' && order != '>') {
                throw new IOException(where + " has an unknown byte order '" + (char) order + "'");
            }
            int length = in.readInt();
            if (size > Integer.MAX_VALUE / Float.BYTES || length < 0 || length > in.available() || (long) length != size * Float.BYTES) {
                throw new IOException(where + " says " + length + " data bytes for " + size + " floats ("
                        + in.available() + " bytes left)");
            }
            byte[] data = in.readNBytes(length);
            float[] values = new float[(int) size];
            ByteBuffer.wrap(data).order(order == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN)
                    .asFloatBuffer().get(values);
            if (out.put(name, new Array(shape, values)) != null) {
                throw new IOException(where + " appears twice");
            }
        }
        if (in.available() > 0) {
            throw new IOException(in.available() + " bytes follow the last array");
        }
        return out;
    }
}
