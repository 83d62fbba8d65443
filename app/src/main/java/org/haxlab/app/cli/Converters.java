package org.haxlab.app.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.haxlab.model.engine.DeviceChoice;
import org.haxlab.model.engine.EngineInfo;
import org.haxlab.model.engine.EngineStartup;
import org.haxlab.model.engine.EngineUnavailableException;
import org.haxlab.model.engine.ProgressListener;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.train.Schedule;
import picocli.CommandLine;

/**
 * Picocli converters for the typed options every command shares. A bad value becomes a usage error (exit 2)
 * naming the option (picocli adds it) and listing the accepted values, never "No enum constant ...".
 */
public final class Converters {

    private Converters() {
    }

    /** Runs {@code parse}, turning its {@link IllegalArgumentException} into a usage error. */
    static <T> T parsed(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** An enum constant by its lower-case name (any case, '-' for '_'), or an error listing every name. */
    static <E extends Enum<E>> E enumValue(Class<E> type, String what, String value) {
        String v = value == null ? "" : value.strip().replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v)) {
                return e;
            }
        }
        throw new CommandLine.TypeConversionException("unknown " + what + " '" + value + "' (expected "
                + names(type) + ")");
    }

    /** The constants' names as typed: lower case, comma separated. */
    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /**
     * The device {@code choice} means on the engine; a usage error (exit 2) when it asks for a GPU this engine
     * does not have. Starts the engine; a failure to start is the engine's own error (exit 1).
     */
    public static ai.djl.Device resolve(CommandLine cl, DeviceChoice choice) {
        if (choice.kind() == DeviceChoice.Kind.CPU) {
            return ai.djl.Device.cpu();
        }
        EngineInfo info = EngineStartup.start(ProgressListener.NONE);
        try {
            return choice.resolve(info);
        } catch (EngineUnavailableException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** {@code --device cpu|gpu|gpu:N|auto}. */
    public static final class Device implements CommandLine.ITypeConverter<DeviceChoice> {
        @Override
        public DeviceChoice convert(String value) {
            return parsed(value, DeviceChoice::parse);
        }
    }

    /** {@code --backbone mamba1|mamba2}. */
    public static final class BackboneName implements CommandLine.ITypeConverter<Backbone> {
        @Override
        public Backbone convert(String value) {
            return parsed(value, Backbone::parse);
        }
    }

    /** {@code --pattern ssm|full|sw|a|d|swd|lsh|ks|hax}. */
    public static final class PatternName implements CommandLine.ITypeConverter<Pattern> {
        @Override
        public Pattern convert(String value) {
            return parsed(value, Pattern::parse);
        }
    }

    /** {@code --schedule constant|cosine}. */
    public static final class ScheduleName implements CommandLine.ITypeConverter<Schedule> {
        @Override
        public Schedule convert(String value) {
            return parsed(value, Schedule::parse);
        }
    }

    /** {@code --variant causal|paper} (the LSH variant, spec §3). */
    public static final class LshVariant implements CommandLine.ITypeConverter<SparseConfig.Variant> {
        @Override
        public SparseConfig.Variant convert(String value) {
            return enumValue(SparseConfig.Variant.class, "LSH variant", value);
        }
    }

    /** {@code --lsh-rule sign_bits|argmax}. */
    public static final class LshRule implements CommandLine.ITypeConverter<SparseConfig.LshRule> {
        @Override
        public SparseConfig.LshRule convert(String value) {
            return enumValue(SparseConfig.LshRule.class, "LSH rule", value);
        }
    }

    /** {@code --path auto|dense|sparse}. */
    public static final class AttentionPath implements CommandLine.ITypeConverter<SparseConfig.AttentionPath> {
        @Override
        public SparseConfig.AttentionPath convert(String value) {
            return enumValue(SparseConfig.AttentionPath.class, "attention path", value);
        }
    }
}
