package org.haxlab.model.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpzExporterTest {

    @TempDir
    Path tmp;

    /** Reads an .npz as numpy would: zip entries NAME.npy, NPY 1.0 header, '<f4' C-order data. */
    private static Map<String, Object[]> read(Path file) throws IOException {
        Map<String, Object[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                ByteBuffer b = ByteBuffer.wrap(zip.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals((byte) 0x93, b.get());
                byte[] magic = new byte[5];
                b.get(magic);
                assertEquals("NUMPY", new String(magic, StandardCharsets.US_ASCII));
                assertEquals(1, b.get());
                assertEquals(0, b.get());
                int hlen = Short.toUnsignedInt(b.getShort());
                byte[] h = new byte[hlen];
                b.get(h);
                String header = new String(h, StandardCharsets.US_ASCII);
                assertEquals(0, (10 + hlen) % 64, "data aligned to 64 bytes");
                assertTrue(header.endsWith("\n") && header.contains("'descr': '<f4'")
                        && header.contains("'fortran_order': False"), header);
                Matcher m = Pattern.compile("'shape': \\(([0-9, ]*)\\)").matcher(header);
                assertTrue(m.find(), header);
                String[] parts = m.group(1).split(",");
                long[] shape = java.util.Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty())
                        .mapToLong(Long::parseLong).toArray();
                float[] data = new float[b.remaining() / 4];
                b.asFloatBuffer().get(data);
                out.put(e.getName().replaceAll("\\.npy$", ""), new Object[] {shape, data});
            }
        }
        return out;
    }

    @Test
    void roundTripKeepsNamesShapesAndValues() throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        values.put("layers.0.mixer.in_proj", new float[] {1.5f, -2f, 3.25f, 0f, Float.MIN_VALUE, -0f});
        shapes.put("layers.0.mixer.in_proj", new long[] {2, 3});
        values.put("norm_f", new float[] {7f, 8f, 9f});
        shapes.put("norm_f", new long[] {3});
        values.put("gate", new float[] {0.125f});
        shapes.put("gate", new long[] {1, 1, 1});
        Path file = tmp.resolve("w.npz");
        NpzExporter.export(values, shapes, file);
        Map<String, Object[]> back = read(file);
        assertEquals(values.keySet(), back.keySet());
        for (String n : values.keySet()) {
            assertArrayEquals(shapes.get(n), (long[]) back.get(n)[0], n);
            assertArrayEquals(values.get(n), (float[]) back.get(n)[1], 0f, n);
        }
        assertTrue(new String(NpzExporter.npy(new float[3], new long[] {3}), StandardCharsets.US_ASCII)
                .contains("'shape': (3,)"), "1-D shapes are written as numpy tuples");
    }

    @Test
    void exportsModelParams() throws IOException {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager();
             TinyRecallModel m = Fixtures.model(manager, 2)) {
            Path file = tmp.resolve("model.npz");
            NpzExporter.export(m.params(), file);
            Map<String, Object[]> back = read(file);
            assertEquals(m.params().names(), java.util.List.copyOf(back.keySet()));
            assertArrayEquals(m.params().get("attn.q").toFloatArray(), (float[]) back.get("attn.q")[1], 0f);
            assertArrayEquals(new long[] {100, 16}, (long[]) back.get("embedding")[0]);
        }
    }
}
