package org.haxlab.app.vm;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import org.haxlab.model.task.AnswerTable;
import org.haxlab.model.task.ParsedSequence;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.task.SequenceError;
import org.haxlab.model.task.SequenceParseException;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;
import org.haxlab.model.task.TokenRole;
import org.haxlab.model.task.Variant;
import org.haxlab.model.task.Vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sequence the user works on: the text typed or pasted, the generator knobs of every task
 * variant (spec §1), and what the text means once parsed: the sequence, or every error at its
 * position; the tokens with their roles; the answer table; and how it fits the padded length.
 *
 * <p>The text is the single source of truth: {@link #generate()} writes text, and every text change
 * is parsed again, so what the user sees is always what the model will get.
 */
public final class SequenceViewModel {
    /** Largest seed {@link #newSeed()} draws: short enough to read aloud and type back. */
    static final int SEED_BOUND = 1_000_000;
    /** The parser's over-length reason (samples/README.md, errors) carries the full length. */
    private static final Pattern OVER_LENGTH = Pattern.compile("over-length: (\\d+) tokens");

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Variant> variant = new ReadOnlyObjectWrapper<>(this, "variant", Variant.MQJR);
    private final ReadOnlyIntegerWrapper contexts = new ReadOnlyIntegerWrapper(this, "contexts", 4);
    private final ReadOnlyIntegerWrapper keys = new ReadOnlyIntegerWrapper(this, "keys", 4);
    private final ReadOnlyIntegerWrapper values = new ReadOnlyIntegerWrapper(this, "values", Vocabulary.SLOTS);
    private final ReadOnlyIntegerWrapper levels = new ReadOnlyIntegerWrapper(this, "levels", 3);
    private final ReadOnlyLongWrapper seed = new ReadOnlyLongWrapper(this, "seed", 0L);
    private final ReadOnlyIntegerWrapper maxLength = new ReadOnlyIntegerWrapper(this, "maxLength", 1058);
    private final ReadOnlyStringWrapper generationError = new ReadOnlyStringWrapper(this, "generationError", "");
    private final ReadOnlyObjectWrapper<ParsedSequence> parsed = new ReadOnlyObjectWrapper<>(this, "parsed");
    private final ReadOnlyListWrapper<SequenceError> errors =
            new ReadOnlyListWrapper<>(this, "errors", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<TokenCell> tokens =
            new ReadOnlyListWrapper<>(this, "tokens", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<AnswerTable.Answer> answers =
            new ReadOnlyListWrapper<>(this, "answers", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<LengthCheck> lengthCheck =
            new ReadOnlyObjectWrapper<>(this, "lengthCheck", new LengthCheck(0, 1058));
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final LongSupplier seeds;

    /** A view model whose "new seed" draws from a fresh random source. */
    public SequenceViewModel() {
        this(new SplittableRandom()::nextLong);
    }

    /** A view model whose "new seed" draws from {@code seeds} (tests pass a fixed stream). */
    public SequenceViewModel(LongSupplier seeds) {
        this.seeds = seeds;
        reparse();
    }

    // ---- commands ----

    /** Replaces the text (typed, pasted or loaded) and parses it again. */
    public void setText(String newText) {
        text.set(newText == null ? "" : newText);
        reparse();
    }

    /** Chooses the task variant that {@link #generate()} draws. */
    public void setVariant(Variant v) {
        if (v == null) {
            throw new IllegalArgumentException("variant is required");
        }
        variant.set(v);
    }

    /** n_c, contexts per tier (1..16). */
    public void setContexts(int n) {
        contexts.set(slot("contexts n_c", n));
    }

    /** n_k, keys (for MQAR: pairs), 1..16. */
    public void setKeys(int n) {
        keys.set(slot("keys n_k", n));
    }

    /** |V|, values drawn from 0..|V|-1 (1..16). */
    public void setValues(int n) {
        values.set(slot("values |V|", n));
    }

    /** w for the single-query and multi-level variants (1..4); MQJR is always 2 and MQAR 1. */
    public void setLevels(int w) {
        if (w < 1 || w > Vocabulary.MAX_CONTEXT_TIERS + 1) {
            throw new IllegalArgumentException("levels w=" + w + " must lie in 1.." + (Vocabulary.MAX_CONTEXT_TIERS + 1));
        }
        levels.set(w);
    }

    /** Seed of the next {@link #generate()}. */
    public void setSeed(long s) {
        seed.set(s);
    }

    /** The padded length the model uses; sequences longer than this are errors at the first position past it. */
    public void setMaxLength(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("maximum length " + n + " leaves no room after BOS");
        }
        maxLength.set(n);
        reparse();
    }

    /** Draws a fresh seed (0..999999) and generates with it. */
    public boolean newSeed() {
        seed.set(Math.floorMod(seeds.getAsLong(), SEED_BOUND));
        return generate();
    }

    /**
     * Generates one sequence from the knobs and seed and puts its text in place.
     *
     * @return false when the knobs do not make a valid task; {@link #generationErrorProperty()} says why
     */
    public boolean generate() {
        try {
            RecallSequence s = new TaskSampler(taskConfig()).next();
            generationError.set("");
            setText(SequenceText.print(s));
            return true;
        } catch (IllegalArgumentException e) {
            generationError.set(e.getMessage());
            return false;
        }
    }

    /** The task config the knobs describe (throws with the reason when they do not fit). */
    public TaskConfig taskConfig() {
        Variant v = variant.get();
        int w = effectiveLevels();
        int nc = w == 1 ? 1 : contexts.get();
        return new TaskConfig(nc, nc, keys.get(), keys.get(), values.get(), 0, seed.get(), v, w);
    }

    /** Levels the current variant uses: 2 for MQJR, 1 for MQAR, the levels knob otherwise. */
    public int effectiveLevels() {
        return switch (variant.get()) {
            case MQJR -> 2;
            case MQAR -> 1;
            default -> levels.get();
        };
    }

    // ---- derived state ----

    private void reparse() {
        ParsedSequence result = null;
        List<SequenceError> found = List.of();
        try {
            result = SequenceText.parse(text.get(), maxLength.get());
        } catch (SequenceParseException e) {
            found = e.errors();
        }
        parsed.set(result);
        errors.setAll(found);
        if (result == null) {
            tokens.clear();
            answers.clear();
            summary.set(found.size() == 1 ? "1 error" : found.size() + " errors");
            lengthCheck.set(new LengthCheck(typedLength(found), maxLength.get()));
            return;
        }
        RecallSequence s = result.sequence();
        TokenRole[] roles = TokenRole.of(s);
        List<TokenCell> cells = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            String name = roles[i] == TokenRole.ANSWER ? "?" : Vocabulary.name(s.token(i));
            cells.add(new TokenCell(i, name, roles[i]));
        }
        tokens.setAll(cells);
        answers.setAll(result.answers().answers());
        summary.set(result.summary());
        lengthCheck.set(new LengthCheck(s.length(), maxLength.get()));
    }

    /** The length an over-length error reports (its count includes BOS), else 0: nothing valid to count. */
    private static int typedLength(List<SequenceError> found) {
        for (SequenceError e : found) {
            Matcher m = OVER_LENGTH.matcher(e.reason());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }

    private static int slot(String what, int n) {
        if (n < 1 || n > Vocabulary.SLOTS) {
            throw new IllegalArgumentException(what + "=" + n + " must lie in 1.." + Vocabulary.SLOTS
                    + " (the vocabulary has " + Vocabulary.SLOTS + " slots)");
        }
        return n;
    }

    // ---- read-only properties ----

    /** The text as typed (BOS and padding implicit). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The generator's variant. */
    public ReadOnlyObjectProperty<Variant> variantProperty() {
        return variant.getReadOnlyProperty();
    }

    /** n_c. */
    public ReadOnlyIntegerProperty contextsProperty() {
        return contexts.getReadOnlyProperty();
    }

    /** n_k (MQAR: pairs). */
    public ReadOnlyIntegerProperty keysProperty() {
        return keys.getReadOnlyProperty();
    }

    /** |V|. */
    public ReadOnlyIntegerProperty valuesProperty() {
        return values.getReadOnlyProperty();
    }

    /** The levels knob (used by single and multi-level). */
    public ReadOnlyIntegerProperty levelsProperty() {
        return levels.getReadOnlyProperty();
    }

    /** The generator's seed. */
    public ReadOnlyLongProperty seedProperty() {
        return seed.getReadOnlyProperty();
    }

    /** The padded length checked against. */
    public ReadOnlyIntegerProperty maxLengthProperty() {
        return maxLength.getReadOnlyProperty();
    }

    /** Why the last {@link #generate()} failed ("" after a success). */
    public ReadOnlyStringProperty generationErrorProperty() {
        return generationError.getReadOnlyProperty();
    }

    /** The valid parse, or null while the text has errors. */
    public ReadOnlyObjectProperty<ParsedSequence> parsedProperty() {
        return parsed.getReadOnlyProperty();
    }

    /** The sequence the model would see, or null while the text has errors. */
    public RecallSequence sequence() {
        ParsedSequence p = parsed.get();
        return p == null ? null : p.sequence();
    }

    /** Every problem of the text, in input order (empty when valid). */
    public ReadOnlyListProperty<SequenceError> errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    /** One cell per position, BOS included (empty while invalid). */
    public ReadOnlyListProperty<TokenCell> tokensProperty() {
        return tokens.getReadOnlyProperty();
    }

    /** The ground truth of every query (empty while invalid). */
    public ReadOnlyListProperty<AnswerTable.Answer> answersProperty() {
        return answers.getReadOnlyProperty();
    }

    /** How the sequence fits the padded length. */
    public ReadOnlyObjectProperty<LengthCheck> lengthCheckProperty() {
        return lengthCheck.getReadOnlyProperty();
    }

    /** One line: the parse summary, or the number of errors. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
