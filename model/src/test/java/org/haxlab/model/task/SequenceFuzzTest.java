package org.haxlab.model.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Arbitrary and mutated inputs: the parser either accepts (and round-trips) or lists located errors. */
class SequenceFuzzTest {
    private static final String[] PIECES = {"A", "B", "C", "Q", "A2", "B3", "A4", "a", "b", "c", "z", "0", "3", "15", "16",
        "?", "|", ".", "<bos>", "%", "007", "99999999999999999999", "\u00e9", "\t", "\n", "  ", "Ab", "1 2", ""};

    @Test
    void randomTextNeverCrashes() {
        Random r = new Random(1234);
        int accepted = 0;
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(30);
            for (int i = 0; i < len; i++) {
                if (r.nextInt(5) == 0) {
                    sb.append((char) r.nextInt(0x2000));
                } else {
                    sb.append(PIECES[r.nextInt(PIECES.length)]).append(r.nextBoolean() ? " " : "");
                }
            }
            accepted += check(sb.toString(), 64) ? 1 : 0;
        }
        assertTrue(accepted < 3000);
    }

    @Test
    void mutatedValidSequencesNeverCrash() {
        Random r = new Random(99);
        List<String> valid = new ArrayList<>();
        for (TaskConfig c : List.of(new TaskConfig(1, 4, 1, 4, 16, 0, 1, Variant.MQJR, 2),
                new TaskConfig(1, 1, 1, 5, 16, 40, 2, Variant.MQAR, 1),
                new TaskConfig(1, 2, 1, 3, 16, 0, 3, Variant.MULTILEVEL, 3),
                new TaskConfig(1, 4, 1, 4, 16, 0, 4, Variant.SINGLE, 2))) {
            for (RecallSequence s : new TaskSampler(c).next(10)) {
                valid.add(SequenceText.print(s));
            }
        }
        int rejected = 0;
        for (int n = 0; n < 4000; n++) {
            List<String> tokens = new ArrayList<>(List.of(valid.get(r.nextInt(valid.size())).split(" ")));
            for (int m = 1 + r.nextInt(3); m > 0 && !tokens.isEmpty(); m--) {
                int at = r.nextInt(tokens.size());
                switch (r.nextInt(4)) {
                    case 0 -> tokens.remove(at);
                    case 1 -> tokens.add(at, PIECES[r.nextInt(PIECES.length)]);
                    case 2 -> tokens.set(at, PIECES[r.nextInt(PIECES.length)]);
                    default -> tokens.add(at, tokens.get(r.nextInt(tokens.size())));
                }
            }
            rejected += check(String.join(" ", tokens), 200) ? 0 : 1;
        }
        assertTrue(rejected > 1000, "mutations should mostly break sequences, rejected " + rejected);
    }

    @Test
    void randomIdsNeverCrash() {
        Random r = new Random(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(25); i > 0; i--) {
                sb.append(r.nextInt(5) == 0 ? "x" : Integer.toString(r.nextInt(110) - 5)).append(' ');
            }
            try {
                ParsedSequence p = SequenceText.parseIds(sb.toString(), 64);
                assertEquals(p.sequence(), SequenceText.parseIds(SequenceText.printIds(p.sequence(), 0), 64).sequence());
            } catch (SequenceParseException e) {
                assertFalse(e.errors().isEmpty());
            } catch (RuntimeException e) {
                fail("crash on ids '" + sb + "'", e);
            }
        }
    }

    /** True when accepted; fails the test on anything but a located parse error. */
    private static boolean check(String text, int maxLength) {
        try {
            ParsedSequence p = SequenceText.parse(text, maxLength);
            assertEquals(p.sequence(), SequenceText.parse(SequenceText.print(p.sequence()), maxLength).sequence(), text);
            assertTrue(p.sequence().length() <= maxLength);
            return true;
        } catch (SequenceParseException e) {
            for (SequenceError err : e.errors()) {
                assertTrue(err.position() >= 0 && !err.reason().isBlank(), err.message());
            }
            assertFalse(e.errors().isEmpty());
            return false;
        } catch (RuntimeException e) {
            fail("crash on '" + text + "'", e);
            return false;
        }
    }
}
