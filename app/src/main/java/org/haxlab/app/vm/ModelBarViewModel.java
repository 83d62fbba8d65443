package org.haxlab.app.vm;

import org.haxlab.model.engine.DeviceChoice;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.sparse.SparseConfig;
import org.haxlab.model.trace.Backbone;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * The model bar: which backbone (spec §2), which sparse pattern and its knobs (spec §3), where it
 * runs, which layer the views show, and the "Base (2x dim)" baseline. Every change rebuilds a
 * {@link ModelConfig}; a combination the model refuses (e.g. k not divisible by the pattern's
 * components) leaves {@link #configProperty()} null and says why in {@link #errorProperty()}.
 *
 * <p>Configs have the synthetic shape of spec §2 ({@link ModelConfig#paper}); a config loaded
 * with {@link #apply(ModelConfig)} keeps its own dimensions until the backbone changes.
 */
public final class ModelBarViewModel {
    private final ReadOnlyObjectWrapper<Backbone> backbone = new ReadOnlyObjectWrapper<>(this, "backbone", Backbone.MAMBA2);
    private final ReadOnlyObjectWrapper<Pattern> pattern = new ReadOnlyObjectWrapper<>(this, "pattern", Pattern.HAX);
    private final ReadOnlyIntegerWrapper budget = new ReadOnlyIntegerWrapper(this, "budget", 64);
    private final ReadOnlyIntegerWrapper hashBits = new ReadOnlyIntegerWrapper(this, "hashBits", 8);
    private final ReadOnlyObjectWrapper<SparseConfig.LshRule> lshRule =
            new ReadOnlyObjectWrapper<>(this, "lshRule", SparseConfig.LshRule.SIGN_BITS);
    private final ReadOnlyObjectWrapper<SparseConfig.Variant> variant =
            new ReadOnlyObjectWrapper<>(this, "variant", SparseConfig.Variant.CAUSAL);
    private final ReadOnlyObjectWrapper<SparseConfig.AttentionPath> path =
            new ReadOnlyObjectWrapper<>(this, "path", SparseConfig.AttentionPath.AUTO);
    private final ReadOnlyBooleanWrapper base2x = new ReadOnlyBooleanWrapper(this, "base2x", false);
    private final ReadOnlyObjectWrapper<DeviceChoice> device = new ReadOnlyObjectWrapper<>(this, "device", DeviceChoice.CPU);
    private final ReadOnlyBooleanWrapper gpuAvailable = new ReadOnlyBooleanWrapper(this, "gpuAvailable", false);
    private final ReadOnlyStringWrapper gpuReason = new ReadOnlyStringWrapper(this, "gpuReason", "no GPU reported yet");
    private final ReadOnlyIntegerWrapper layers = new ReadOnlyIntegerWrapper(this, "layers", 2);
    private final ReadOnlyIntegerWrapper selectedLayer = new ReadOnlyIntegerWrapper(this, "selectedLayer", 0);
    private final ReadOnlyBooleanWrapper classroom = new ReadOnlyBooleanWrapper(this, "classroom", false);
    private final ReadOnlyObjectWrapper<ModelConfig> config = new ReadOnlyObjectWrapper<>(this, "config");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private long seed;
    private ModelConfig loaded;
    private Predicate<ModelConfig> editGuard = next -> true;

    /** Starts at the paper's best synthetic model: Mamba-2 +HAX, k = 64 (spec §4 Table 1). */
    public ModelBarViewModel() {
        rebuild();
    }

    // ---- commands ----

    /** Mamba-1 or Mamba-2; switching drops the dimensions of a loaded config (spec §2 shapes differ). */
    public void setBackbone(Backbone b) {
        edit(() -> backbone.set(require(b, "backbone")));
    }

    /** The sparse pattern; {@link Pattern#NONE} is the plain SSM. */
    public void setPattern(Pattern p) {
        edit(() -> pattern.set(require(p, "pattern")));
    }

    /** Total keys per query k, split evenly over the pattern's components. */
    public void setBudget(int k) {
        edit(() -> budget.set(k));
    }

    /** LSH hash width h. */
    public void setHashBits(int h) {
        edit(() -> hashBits.set(h));
    }

    /** Sign-bit (2^h bins) or argmax (h bins). */
    public void setLshRule(SparseConfig.LshRule r) {
        edit(() -> lshRule.set(require(r, "LSH rule")));
    }

    /** Causal or paper-faithful LSH centring (spec §3, code vs paper). */
    public void setVariant(SparseConfig.Variant v) {
        edit(() -> variant.set(require(v, "variant")));
    }

    /** Dense, sparse, or chosen by length. */
    public void setPath(SparseConfig.AttentionPath p) {
        edit(() -> path.set(require(p, "attention path")));
    }

    /** The "Base (2x dim)" baseline: d_model doubled, no sparse branch (spec §2). */
    public void setBase2x(boolean on) {
        edit(() -> base2x.set(on));
    }

    /** Seed of the weight initialisation and the fixed LSH projection. */
    public void setSeed(long s) {
        edit(() -> seed = s);
    }

    /**
     * What the engine found (told by the engine code, which another part owns). When the GPU goes
     * away while chosen, the choice falls back to the CPU.
     *
     * @param available true when a GPU can be used
     * @param reason    why or why not, shown as the GPU choice's tooltip
     */
    public void setGpuAvailability(boolean available, String reason) {
        gpuAvailable.set(available);
        gpuReason.set(reason == null ? "" : reason);
        if (!available && DeviceChoice.GPU.equals(device.get())) {
            device.set(DeviceChoice.CPU);
        }
    }

    /**
     * Chooses the device.
     *
     * @return false (and the CPU stays) when the GPU is asked for but not available
     */
    public boolean setDevice(DeviceChoice d) {
        if (DeviceChoice.GPU.equals(require(d, "device")) && !gpuAvailable.get()) {
            return false;
        }
        device.set(d);
        return true;
    }

    /** Which layer the views show. */
    public void selectLayer(int layer) {
        if (layer < 0 || layer >= layers.get()) {
            throw new IllegalArgumentException("layer " + layer + " does not exist: the model has layers 0.."
                    + (layers.get() - 1));
        }
        selectedLayer.set(layer);
    }

    /** Classroom mode hides the advanced knobs (hash bits, LSH rule, variant, path, Base 2x). */
    public void setClassroom(boolean on) {
        classroom.set(on);
    }

    /** Sets every knob from {@code c} (e.g. a scenario's model); its dimensions are kept while the backbone is. */
    public void apply(ModelConfig c) {
        require(c, "model config");
        SparseConfig s = c.sparse();
        loaded = c;
        seed = c.initSeed();
        backbone.set(c.backbone());
        pattern.set(s.pattern());
        budget.set(s.budget());
        hashBits.set(s.hashBits());
        lshRule.set(s.lshRule());
        variant.set(s.variant());
        path.set(s.path());
        base2x.set(false);
        rebuild();
    }

    /**
     * Asks {@code guard} before a knob's edit changes the config (not before {@link #apply}, whose caller
     * already chose): false puts every knob back as it was, so the config never changes. The next config
     * is null when the knobs would not make one.
     */
    public void setEditGuard(Predicate<ModelConfig> guard) {
        editGuard = require(guard, "edit guard");
    }

    // ---- derived ----

    /** What the knobs were before an edit, to put them back when the edit is refused. */
    private record Knobs(Backbone backbone, Pattern pattern, int budget, int hashBits, SparseConfig.LshRule lshRule,
                         SparseConfig.Variant variant, SparseConfig.AttentionPath path, boolean base2x, long seed,
                         ModelConfig loaded) {
    }

    private void edit(Runnable change) {
        Knobs before = new Knobs(backbone.get(), pattern.get(), budget.get(), hashBits.get(), lshRule.get(),
                variant.get(), path.get(), base2x.get(), seed, loaded);
        change.run();
        ModelConfig next;
        try {
            next = build();
        } catch (IllegalArgumentException e) {
            next = null;
        }
        if (!Objects.equals(next, config.get()) && !editGuard.test(next)) {
            backbone.set(before.backbone());
            pattern.set(before.pattern());
            budget.set(before.budget());
            hashBits.set(before.hashBits());
            lshRule.set(before.lshRule());
            variant.set(before.variant());
            path.set(before.path());
            base2x.set(before.base2x());
            seed = before.seed();
            loaded = before.loaded();
            return;
        }
        rebuild();
    }

    /** The config the knobs make, without changing anything. */
    private ModelConfig build() {
        // Base 2x has no branch, so a budget that only fails for the hidden pattern must not block it
        SparseConfig sparse = new SparseConfig(base2x.get() ? Pattern.NONE : pattern.get(), budget.get(), hashBits.get(), lshRule.get(),
                loaded != null ? loaded.sparse().maxLen() : 2048, variant.get(), path.get());
        ModelConfig base = loaded != null && loaded.backbone() == backbone.get()
                ? loaded.withSparse(sparse).withSeed(seed)
                : ModelConfig.paper(backbone.get(), sparse, seed);
        return base2x.get() ? base.base2x() : base;
    }

    private void rebuild() {
        try {
            ModelConfig built = build();
            if (loaded != null && loaded.backbone() != backbone.get()) {
                loaded = null;
            }
            config.set(built);
            error.set("");
            layers.set(built.layers());
            if (selectedLayer.get() >= built.layers()) {
                selectedLayer.set(built.layers() - 1);
            }
        } catch (IllegalArgumentException e) {
            config.set(null);
            error.set(e.getMessage().replaceFirst("^(sparse|model) config: ", ""));
        }
    }

    private static <T> T require(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    // ---- read-only properties ----

    /** Mamba-1 or Mamba-2. */
    public ReadOnlyObjectProperty<Backbone> backboneProperty() {
        return backbone.getReadOnlyProperty();
    }

    /** The sparse pattern. */
    public ReadOnlyObjectProperty<Pattern> patternProperty() {
        return pattern.getReadOnlyProperty();
    }

    /** Budget k. */
    public ReadOnlyIntegerProperty budgetProperty() {
        return budget.getReadOnlyProperty();
    }

    /** Hash bits h. */
    public ReadOnlyIntegerProperty hashBitsProperty() {
        return hashBits.getReadOnlyProperty();
    }

    /** LSH binning rule. */
    public ReadOnlyObjectProperty<SparseConfig.LshRule> lshRuleProperty() {
        return lshRule.getReadOnlyProperty();
    }

    /** Causal or paper-faithful LSH. */
    public ReadOnlyObjectProperty<SparseConfig.Variant> variantProperty() {
        return variant.getReadOnlyProperty();
    }

    /** Attention execution path. */
    public ReadOnlyObjectProperty<SparseConfig.AttentionPath> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** True for the "Base (2x dim)" baseline. */
    public ReadOnlyBooleanProperty base2xProperty() {
        return base2x.getReadOnlyProperty();
    }

    /** CPU or GPU. */
    public ReadOnlyObjectProperty<DeviceChoice> deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** True when the engine reported a usable GPU. */
    public ReadOnlyBooleanProperty gpuAvailableProperty() {
        return gpuAvailable.getReadOnlyProperty();
    }

    /** Why the GPU is (not) available. */
    public ReadOnlyStringProperty gpuReasonProperty() {
        return gpuReason.getReadOnlyProperty();
    }

    /** Number of layers of the current config. */
    public ReadOnlyIntegerProperty layersProperty() {
        return layers.getReadOnlyProperty();
    }

    /** The layer the views show (0..layers-1). */
    public ReadOnlyIntegerProperty selectedLayerProperty() {
        return selectedLayer.getReadOnlyProperty();
    }

    /** Classroom mode. */
    public ReadOnlyBooleanProperty classroomProperty() {
        return classroom.getReadOnlyProperty();
    }

    /** The validated config, or null while the knobs do not make one. */
    public ReadOnlyObjectProperty<ModelConfig> configProperty() {
        return config.getReadOnlyProperty();
    }

    /** Why there is no config ("" when there is). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The seed of the weight initialisation. */
    public long seed() {
        return seed;
    }
}
