package org.haxlab.app.cli;

import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.train.TaskSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The joint-recall grid shared by {@code train} and {@code table}: {@code --contexts} and {@code --keys}, each
 * {@code N} or {@code MIN..MAX} within the vocabulary's {@value Vocabulary#SLOTS} slots (spec §1).
 */
public final class GridOptions {

    @Option(names = "--contexts", defaultValue = "2..4", paramLabel = "N|MIN..MAX", converter = Slots.class,
            description = "n_c: N or A..B in 1..16 (paper: 5..16; default: ${DEFAULT-VALUE}).")
    IntRange contexts;
    @Option(names = "--keys", defaultValue = "2..4", paramLabel = "N|MIN..MAX", converter = Slots.class,
            description = "n_k: N or A..B in 1..16 (paper: 5..16; default: ${DEFAULT-VALUE}).")
    IntRange keys;

    /** The task grid these options describe. */
    public TaskSpec task() {
        return new TaskSpec(contexts.min(), contexts.max(), keys.min(), keys.max());
    }

    /** {@code N} or {@code MIN..MAX} within 1..{@value Vocabulary#SLOTS} (the vocabulary has 16 contexts and keys). */
    public static final class Slots implements CommandLine.ITypeConverter<IntRange> {
        @Override
        public IntRange convert(String value) {
            IntRange r = Converters.parsed(value, IntRange::parse);
            if (r.min() < 1 || r.max() > Vocabulary.SLOTS) {
                throw new CommandLine.TypeConversionException("'" + value + "' is out of range 1.." + Vocabulary.SLOTS
                        + " (the vocabulary has " + Vocabulary.SLOTS + " context and key slots)");
            }
            return r;
        }
    }
}
