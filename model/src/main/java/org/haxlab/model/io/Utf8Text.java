package org.haxlab.model.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Strict UTF-8 text input. A leading byte-order mark is dropped (editors on Windows write one); any other byte
 * that is not UTF-8 is an {@link IOException} naming where it is ("byte 0xFF at offset 12"), never Java's
 * "Input length = 1". Reads are bounded, so an endless pipe or a huge file fails clearly instead of filling the
 * memory. Pipes, {@code /dev/stdin}, {@code /dev/null} and other non-regular files are read like files.
 */
public final class Utf8Text {

    private static final int BOM_0 = 0xEF;
    private static final int BOM_1 = 0xBB;
    private static final int BOM_2 = 0xBF;

    private Utf8Text() {
    }

    /**
     * Reads {@code file} (any readable file, pipe or device; not a directory) as UTF-8, at most {@code maxBytes}.
     *
     * @throws IOException saying what is wrong with the file, in words
     */
    public static String read(Path file, long maxBytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(file + " cannot be read (permission denied)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), maxBytes);
        }
    }

    /** Reads {@code in} to its end as UTF-8, at most {@code maxBytes}; {@code what} names it in errors. */
    public static String read(InputStream in, String what, long maxBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > maxBytes) {
                throw new IOException(what + " is larger than " + describeBytes(maxBytes) + ": not read");
            }
            bytes.write(buf, 0, n);
        }
        return decode(bytes.toByteArray(), what);
    }

    /** Decodes {@code bytes} as UTF-8 without a leading byte-order mark; {@code what} names them in errors. */
    public static String decode(byte[] bytes, String what) throws CharacterCodingException {
        int start = hasBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new NotUtf8Exception(what, in.position(), bytes[in.position()]);
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw new NotUtf8Exception(what, in.position(), bytes[Math.max(0, in.position() - 1)]);
        }
        out.flip();
        return out.toString();
    }

    /** Whether {@code bytes} start with the UTF-8 byte-order mark. */
    static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == BOM_0 && (bytes[1] & 0xFF) == BOM_1 && (bytes[2] & 0xFF) == BOM_2;
    }

    /** {@code n} bytes in words: 4 KiB, 16 MiB. */
    static String describeBytes(long n) {
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1L << 10 && n % (1L << 10) == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }

    /** Bytes that are not UTF-8, with where they are. */
    public static final class NotUtf8Exception extends CharacterCodingException {
        private static final long serialVersionUID = 1L;
        private final String message;
        private final long offset;

        public NotUtf8Exception(String what, long offset, byte bad) {
            this.offset = offset;
            this.message = what + " is not UTF-8 text: byte 0x" + String.format("%02X", bad & 0xFF) + " at offset "
                    + offset + " is not valid UTF-8 (save the file as UTF-8)";
        }

        /** Offset of the first bad byte from the start of the input (a byte-order mark counts). */
        public long offset() {
            return offset;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
