package org.haxlab.model.train;

import org.haxlab.model.nd.Params;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes weights as a NumPy {@code .npz}: a zip holding one {@code NAME.npy} per parameter (NPY format 1.0,
 * {@code '<f4'}, C order), where NAME is the params name (e.g. {@code layers.0.mixer.in_proj}). Open it
 * in Python with
 * <pre>
 *   w = numpy.load("weights.npz"); w.files; w["layers.0.mixer.in_proj"].shape
 * </pre>
 */
public final class NpzExporter {

    private NpzExporter() {
    }

    /** Exports every array of {@code params} (host copies) to {@code file}. */
    public static void export(Params params, Path file) throws IOException {
        Map<String, float[]> values = params.snapshot();
        Map<String, long[]> shapes = new java.util.LinkedHashMap<>();
        params.asMap().forEach((n, a) -> shapes.put(n, a.getShape().getShape()));
        export(values, shapes, file);
    }

    /** Exports named float arrays of the given shapes to {@code file}. */
    public static void export(Map<String, float[]> values, Map<String, long[]> shapes, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, float[]> e : values.entrySet()) {
                long[] shape = shapes.get(e.getKey());
                if (shape == null) {
                    throw new IllegalArgumentException("npz: no shape for '" + e.getKey() + "'");
                }
                long n = 1;
                for (long d : shape) {
                    n *= d;
                }
                if (n != e.getValue().length) {
                    throw new IllegalArgumentException("npz: '" + e.getKey() + "' has " + e.getValue().length
                            + " values for shape " + java.util.Arrays.toString(shape));
                }
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(e.getValue(), shape));
                zip.closeEntry();
            }
        }
    }

    /** One NPY 1.0 file: magic, version 1.0, header length, header padded so data starts on a 64-byte boundary. */
    static byte[] npy(float[] data, long[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                dims.append(shape.length == 1 ? "," : ", ");
            }
        }
        dims.append(')');
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }");
        int preamble = 10; // magic (6) + version (2) + header length (2)
        while ((preamble + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(preamble + h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) h.length).put(h);
        for (float f : data) {
            buf.putFloat(f);
        }
        return buf.array();
    }
}
