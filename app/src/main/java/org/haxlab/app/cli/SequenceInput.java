package org.haxlab.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.haxlab.model.io.Utf8Text;

/**
 * Reads a typed sequence from a file, a pipe or standard input as a stream: UTF-8 with or without a byte-order
 * mark (a bad byte is named with its offset), '#' comment lines dropped, and reading stops right after the first
 * token past the length limit, so a huge input costs neither memory nor time (the parser then reports the
 * sequence as too long, as for a short one).
 */
final class SequenceInput {

    /** Characters of whitespace and tokens held per allowed token, beyond which the input is refused. */
    static final int CHARS_PER_TOKEN = 64;

    private final int maxTokens;
    private final boolean ids;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private boolean lineStarted;
    private boolean comment;
    private boolean inToken;
    private int tokens;

    private SequenceInput(int maxTokens, boolean ids) {
        this.maxTokens = maxTokens;
        this.ids = ids;
    }

    /**
     * Reads {@code file} ({@code -} or null: {@code stdin}) up to the first token past {@code maxLength}
     * (BOS included; for ids an optional BOS counts as one).
     *
     * @throws IOException naming the file and what is wrong (missing, a directory, not UTF-8 at offset N)
     */
    static String read(Path file, InputStream stdin, int maxLength, boolean ids) throws IOException {
        boolean useStdin = file == null || file.toString().equals("-");
        String what = useStdin ? "standard input" : file.toString();
        if (!useStdin) {
            if (Files.isDirectory(file)) {
                throw new IOException("cannot read " + file + ": it is a directory, not a file");
            }
            if (!Files.exists(file)) {
                throw new IOException("cannot read " + file + ": no such file");
            }
            if (!Files.isReadable(file)) {
                throw new IOException("cannot read " + file + ": permission denied");
            }
        }
        // text form: BOS is implicit, so maxLength - 1 typed tokens; ids: BOS may be typed
        SequenceInput reader = new SequenceInput(ids ? maxLength : maxLength - 1, ids);
        if (useStdin) {
            return reader.consume(stdin, what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return reader.consume(in, what);
        }
    }

    private String consume(InputStream in, String what) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[16 * 1024];
        ByteBuffer bytes = ByteBuffer.allocate(chunk.length + 8);
        CharBuffer chars = CharBuffer.allocate(chunk.length + 8);
        long consumed = 0;
        boolean first = true;
        boolean eof = false;
        while (!eof && tokens <= maxTokens) {
            int n = in.read(chunk);
            eof = n < 0;
            if (n > 0) {
                int from = 0;
                if (first && n >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
                    from = 3;   // a UTF-8 byte-order mark: not part of the text
                    consumed = 3;
                }
                first = false;
                bytes.put(chunk, from, n - from);
            }
            bytes.flip();
            CoderResult r = decoder.decode(bytes, chars, eof);
            if (r.isError()) {
                long at = consumed + bytes.position();
                throw new Utf8Text.NotUtf8Exception(what, at, bytes.get(bytes.position()));
            }
            consumed += bytes.position();
            bytes.compact();
            chars.flip();
            while (chars.hasRemaining() && tokens <= maxTokens) {
                accept(chars.get());
            }
            chars.clear();
            if (text.length() + line.length() > (long) (maxTokens + 1) * CHARS_PER_TOKEN + 4096) {
                throw new IOException(what + " holds more than " + CHARS_PER_TOKEN + " characters per token allowed:"
                        + " not a sequence of at most " + (maxTokens + 1) + " tokens");
            }
        }
        endLine();
        return text.toString();
    }

    private void accept(char c) {
        if (c == '\n') {
            endLine();
            return;
        }
        if (!lineStarted) {
            if (Character.isWhitespace(c)) {
                line.append(c);
                return;
            }
            lineStarted = true;
            comment = c == '#';
        }
        if (comment) {
            return;   // comment lines are dropped, however long
        }
        line.append(c);
        boolean space = Character.isWhitespace(c);
        boolean single = !ids && (c == '|' || c == '?' || c == '.');
        if (space) {
            inToken = false;
        } else if (single) {
            tokens++;
            inToken = false;
        } else if (!inToken) {
            tokens++;
            inToken = true;
        }
    }

    private void endLine() {
        if (!comment) {
            text.append(line).append('\n');
        }
        line.setLength(0);
        lineStarted = false;
        comment = false;
        inToken = false;
    }
}
