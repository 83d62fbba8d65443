package org.haxlab.model.task;

import java.util.ArrayList;
import java.util.List;

/** Splits the text form or a list of ids into {@link Lexeme}s; never throws on arbitrary input. */
final class SequenceLexer {
    private static final String EXPECTED = "expected a context A..P (outer tiers A2..P3), a key a..p, a value 0..15,"
            + " '?', '|' or '.'";

    private SequenceLexer() {
    }

    /** Text form: whitespace separates tokens; '|', '?' and '.' are tokens of their own even when glued. */
    static List<Lexeme> text(String input) {
        List<Lexeme> out = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char ch = input.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            int start = i;
            if (ch == '|' || ch == '?' || ch == '.') {
                i++;
            } else {
                while (i < n && !Character.isWhitespace(input.charAt(i)) && "|?.".indexOf(input.charAt(i)) < 0) {
                    i++;
                }
            }
            out.add(classify(input.substring(start, i), out.size() + 1, start + 1));
        }
        return out;
    }

    /** Id form: whitespace-separated ids, BOS optional at the start, PAD allowed only at the end. */
    static List<Lexeme> ids(String input) {
        List<Lexeme> out = new ArrayList<>();
        String[] parts = input.strip().isEmpty() ? new String[0] : input.strip().split("\\s+");
        int[] columns = new int[parts.length];
        int from = 0;
        for (int p = 0; p < parts.length; p++) {
            columns[p] = input.indexOf(parts[p], from) + 1;
            from = columns[p] - 1 + parts[p].length();
        }
        int end = parts.length;
        while (end > 0 && parts[end - 1].equals(Integer.toString(Vocabulary.PAD))) {
            end--;
        }
        int begin = end > 0 && parts[0].equals(Integer.toString(Vocabulary.BOS)) ? 1 : 0;
        for (int p = begin; p < end; p++) {
            int position = p - begin + 1;
            String s = parts[p];
            // leading zeros are just zeros: 0001 is 1, as 001 is (no width limit on how a number is written)
            int id = s.matches("0*\\d{1,3}") ? Integer.parseInt(s.replaceFirst("^0+(?=\\d)", "")) : -1;
            Lexeme lexeme;
            if (id < 0) {
                lexeme = unknown(s, position, columns[p], "'" + s + "' is not a token id (ids are 0.." + (Vocabulary.SIZE - 1) + ")");
            } else if (id == Vocabulary.BOS) {
                lexeme = unknown(s, position, columns[p], "BOS (1) may only open the sequence");
            } else if (id == Vocabulary.PAD) {
                lexeme = unknown(s, position, columns[p], "PAD (3) may only follow the sequence");
            } else if (Vocabulary.role(id) == TokenRole.UNUSED) {
                lexeme = unknown(s, position, columns[p], "id " + id + " is not used by the task");
            } else {
                lexeme = classify(Vocabulary.name(id), position, columns[p]);
                lexeme = new Lexeme(lexeme.kind(), lexeme.id(), position, columns[p], s, lexeme.problem());
            }
            out.add(lexeme);
        }
        return out;
    }

    /** Classifies one text token at model position {@code position}. */
    static Lexeme classify(String s, int position, int column) {
        switch (s) {
            case "|":
                return new Lexeme(Lexeme.Kind.SEP, Vocabulary.SEP, position, column, s, "");
            case "?":
                return new Lexeme(Lexeme.Kind.QUERY, -1, position, column, s, "");
            case ".":
                return new Lexeme(Lexeme.Kind.NOISE, Vocabulary.NOISE, position, column, s, "");
            default:
                break;
        }
        char c0 = s.charAt(0);
        if (s.length() == 1 && c0 >= 'a' && c0 <= 'z') {
            return c0 < 'a' + Vocabulary.SLOTS
                    ? new Lexeme(Lexeme.Kind.KEY, Vocabulary.key(c0 - 'a'), position, column, s, "")
                    : unknown(s, position, column, "key '" + s + "' is beyond the " + Vocabulary.SLOTS + " key slots a..p");
        }
        if (c0 >= 'A' && c0 <= 'Z' && (s.length() == 1 || s.length() == 2 && Character.isDigit(s.charAt(1)))) {
            int tier = s.length() == 1 ? 1 : s.charAt(1) - '0';
            if (c0 >= 'A' + Vocabulary.SLOTS) {
                return unknown(s, position, column, "context '" + c0 + "' is beyond the " + Vocabulary.SLOTS
                        + " context slots A..P");
            }
            if (s.length() == 2 && (tier < 2 || tier > Vocabulary.MAX_CONTEXT_TIERS)) {
                return unknown(s, position, column, "context tiers are written " + c0 + " (tier 1), " + c0 + "2 and " + c0
                        + "3; there is no tier " + tier);
            }
            return new Lexeme(Lexeme.Kind.CONTEXT, Vocabulary.context(tier, c0 - 'A'), position, column, s, "");
        }
        if (s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            String digits = s.replaceFirst("^0+(?=\\d)", "");   // 0001 is 1, as 001 is
            int v = digits.length() <= 3 ? Integer.parseInt(digits) : Integer.MAX_VALUE;
            return v < Vocabulary.SLOTS
                    ? new Lexeme(Lexeme.Kind.VALUE, Vocabulary.value(v), position, column, s, "")
                    : unknown(s, position, column, "value " + s + " is outside 0.." + (Vocabulary.SLOTS - 1));
        }
        if (s.equalsIgnoreCase("<bos>") || s.equalsIgnoreCase("<pad>")) {
            return unknown(s, position, column, "BOS and padding are implicit in the text form: leave them out");
        }
        return unknown(s, position, column, "unknown token: " + EXPECTED);
    }

    private static Lexeme unknown(String s, int position, int column, String problem) {
        return new Lexeme(Lexeme.Kind.UNKNOWN, -1, position, column, s, problem);
    }
}
