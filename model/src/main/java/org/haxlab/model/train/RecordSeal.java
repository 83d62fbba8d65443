package org.haxlab.model.train;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * The integrity seal of a whole {@code run.json}: field {@value #FIELD} holds the SHA-256 of the file's exact
 * bytes with that hash replaced by 64 zeros. Any edit of the file (a setting such as {@code hashBits},
 * {@code maxLen} or {@code dModel}, a shape, a step) then fails {@link #verify}, as an edited weights file fails
 * its own hash, so a checkpoint never loads silently as a different model. A record without the field was
 * written before records were sealed and is read as before.
 */
public final class RecordSeal {

    /** Name of the seal field in {@code run.json}. */
    public static final String FIELD = "recordSha256";
    /** The seal's value while the hash is computed. */
    static final String PLACEHOLDER = "0".repeat(64);
    private static final java.util.regex.Pattern SEALED =
            java.util.regex.Pattern.compile("\"" + FIELD + "\"\\s*:\\s*\"([0-9a-f]{64})\"");

    private RecordSeal() {
    }

    /** {@code json}, which holds the field with {@link #PLACEHOLDER} once, with the placeholder replaced by the seal. */
    public static String seal(String json) {
        String marker = "\"" + PLACEHOLDER + "\"";
        int at = json.indexOf(marker);
        if (at < 0 || json.indexOf(marker, at + 1) >= 0) {
            throw new IllegalArgumentException("the record must hold the seal placeholder exactly once");
        }
        String hash = CheckpointStore.sha256(json.getBytes(StandardCharsets.UTF_8));
        return json.substring(0, at + 1) + hash + json.substring(at + 1 + PLACEHOLDER.length());
    }

    /**
     * Checks the seal of a record's text.
     *
     * @return true when the text is sealed and intact; false when it has no seal (written before seals)
     * @throws IllegalArgumentException when the seal is malformed, repeated or does not match the contents
     */
    public static boolean verify(String text) {
        Matcher m = SEALED.matcher(text);
        if (!m.find()) {
            if (text.contains("\"" + FIELD + "\"")) {
                throw new IllegalArgumentException("its " + FIELD + " is not a SHA-256 hash");
            }
            return false;
        }
        int start = m.start(1);
        String stated = m.group(1);
        if (m.find()) {
            throw new IllegalArgumentException("it holds " + FIELD + " more than once");
        }
        String zeroed = text.substring(0, start) + PLACEHOLDER + text.substring(start + PLACEHOLDER.length());
        String actual = CheckpointStore.sha256(zeroed.getBytes(StandardCharsets.UTF_8));
        if (!actual.equals(stated)) {
            throw new IllegalArgumentException("its contents do not match its " + FIELD + " (the file was edited"
                    + " or damaged after it was saved; settings changed there would load a different model)");
        }
        return true;
    }
}
