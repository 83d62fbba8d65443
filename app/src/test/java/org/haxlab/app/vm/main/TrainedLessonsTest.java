package org.haxlab.app.vm.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.haxlab.app.scenario.Scenario;
import org.haxlab.app.scenario.ScenarioFiles;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.View;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.inspect.RecallDiagnosis.Reason;
import org.haxlab.model.sparse.Pattern;
import org.haxlab.model.task.SequenceText;
import org.haxlab.model.task.TaskConfig;
import org.haxlab.model.task.TaskSampler;
import org.haxlab.model.task.Variant;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.model.trace.Backbone;
import org.haxlab.model.trace.Component;
import org.haxlab.model.trace.DecayTrace;
import org.haxlab.model.trace.LayerInspection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lessons that name the GPU-trained Mamba zoo models, opened through the window's own code path and run on
 * the CPU: what each note promises must be what the models do on the lesson's sequence.
 */
class TrainedLessonsTest {
    private static final Path LESSONS = Path.of("..", "samples", "scenarios");
    /** The lessons' sequence: {@code haxlab generate --contexts 6 --keys 6 --seed 0}. */
    private static final TaskConfig GENERATED = new TaskConfig(6, 6, 6, 6, 16, 0, 0L, Variant.MQJR, 2);

    private final MainViewModel vm = new MainViewModel(ModelWork.direct(), ModelLoader.standard(), Debouncer.immediate(),
            new TrainingViewModel(), Runnable::run);

    @AfterEach
    void close() {
        vm.close();
    }

    private Inspection open(String file) throws Exception {
        vm.openScenario(LESSONS.resolve(file));
        Inspection in = vm.inspection().inspectionProperty().get();
        assertNotNull(in, file + ": " + vm.status().messageProperty().get());
        assertEquals(SequenceText.print(new TaskSampler(GENERATED).next()), vm.sequence().textProperty().get(),
                file + " runs the generated 6 x 6 table of seed 0, not a hand-edited one");
        assertNotNull(vm.controller().wantedSlot().checkpoint(), file + ": a trained zoo model");
        return in;
    }

    private static long right(Inspection in) {
        return in.predictions().stream().filter(QueryPrediction::correct).count();
    }

    private static long count(List<RecallDiagnosis> ds, Reason r) {
        return ds.stream().filter(d -> d.reason() == r).count();
    }

    private static int separator(Inspection in) {
        for (int i = 0; i < in.length(); i++) {
            if (in.token(i) == Vocabulary.SEP) {
                return i;
            }
        }
        throw new AssertionError("no '|' in the lesson's sequence");
    }

    /** Retention from j to i over every state unit of every layer, recomputed from the per-step log decays. */
    private static double keptOf(Inspection in, int j, int i) {
        double best = 0;
        for (LayerInspection l : in.layers()) {
            DecayTrace d = l.decay();
            assertNotNull(d, "a Mamba layer records its decay");
            for (int u = 0; u < d.units(); u++) {
                double log = 0;
                for (int t = j + 1; t <= i; t++) {
                    log += d.logDecay(t, u);
                }
                best = Math.max(best, Math.exp(log));
            }
        }
        return best;
    }

    private static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void haxRecallsReadsTheAnswerThroughKeySelectionInLayerOne() throws Exception {
        Inspection in = open("hax-recalls.json");
        assertEquals(Pattern.HAX, in.config().sparse().pattern());
        assertEquals(Backbone.MAMBA1, in.config().backbone());
        assertEquals(View.SELECTION, vm.inspection().tabProperty().get());
        assertEquals(1, vm.inspection().selectedLayerProperty().get());
        String note = vm.scenarioProperty().get().note();
        List<RecallDiagnosis> ds = List.copyOf(vm.inspection().diagnosesProperty());
        assertEquals(36, ds.size());
        long right = right(in);
        assertTrue(right >= 0.9 * ds.size(), right + " of " + ds.size() + " right: +HAX must recall >= 90 %");
        assertTrue(note.contains(right + " of the 36"), note);
        // layer 1 puts (nearly) all its weight on the value two tokens after the answer's; count those and who chose them
        LayerInspection l1 = in.layers().get(1);
        int nextValue = 0;
        int byKs = 0;
        int byLsh = 0;
        int byBoth = 0;
        for (RecallDiagnosis d : ds) {
            RecallDiagnosis.LayerFact f = d.layers().get(1);
            if (d.correct() && f.heaviestKey() == d.source().valuePosition() + 2 && f.heaviestWeight() >= 0.9f) {
                nextValue++;
            }
            if (f.heaviestKey() >= 0) {
                int e = l1.selection().find(d.position(), f.heaviestKey());
                int c = l1.selection().components()[e];
                byKs += Component.KS.in(c) ? 1 : 0;
                byLsh += Component.LSH.in(c) ? 1 : 0;
                byBoth += Component.KS.in(c) && Component.LSH.in(c) ? 1 : 0;
            }
            assertEquals(0, d.layers().get(0).heaviestKey(), "layer 0's heaviest key is BOS: " + d.position());
        }
        assertTrue(note.contains(nextValue + " of them"), nextValue + ": " + note);
        assertTrue(note.contains("KS chose the heaviest key for " + byKs + " of the 36 (LSH, which reads the keys of the query's own bucket, for "
                + byLsh + "; both for " + byBoth + ")"), byKs + " " + byLsh + " " + byBoth + ": " + note);
        int pinned = vm.inspection().pinnedProperty().get();
        RecallDiagnosis p = ds.stream().filter(d -> d.position() == pinned).findFirst().orElseThrow();
        assertTrue(p.correct() && p.layers().get(1).heaviestKey() == p.source().valuePosition() + 2,
                "the pinned query shows the pattern the note describes");
        for (RecallDiagnosis d : ds) {
            if (!d.correct()) {
                assertTrue(note.contains("position " + d.position()) && note.contains("'" + d.reason().label() + "'"),
                        "the note names the wrong answer and its diagnosis: " + d.explanation());
                // where its answer lies, as the diagnosis's "answer at" column shows it (the answer table's
                // "defined at" is the key's position, one before)
                assertTrue(note.contains("answer " + org.haxlab.model.task.Vocabulary.name(d.expected()) + " at position "
                        + d.source().valuePosition()), d.source().valuePosition() + ": " + note);
            }
        }
    }

    @Test
    void theSsmAnswersFewerOfTheSameQueriesAndEveryReasonItShowsHolds() throws Exception {
        Inspection hax = open("hax-recalls.json");
        Inspection in = open("ssm-forgets.json");
        assertEquals(Pattern.NONE, in.config().sparse().pattern());
        assertEquals(hax.config().dModel(), in.config().dModel(), "the same size as +HAX");
        assertEquals(View.DIAGNOSIS, vm.inspection().tabProperty().get());
        String note = vm.scenarioProperty().get().note();
        List<RecallDiagnosis> ds = List.copyOf(vm.inspection().diagnosesProperty());
        long right = right(in);
        assertTrue(right <= 0.7 * ds.size() && right < right(hax) - 9, right + " right vs +HAX " + right(hax));
        assertTrue(note.contains(right + " of the 36"), note);
        Map<Reason, Long> shown = new EnumMap<>(Reason.class);
        Map<Integer, Integer> wrongValues = new java.util.TreeMap<>();
        for (RecallDiagnosis d : ds) {
            shown.merge(d.reason(), 1L, Long::sum);
            QueryPrediction q = in.predictions().stream().filter(x -> x.position() == d.position()).findFirst().orElseThrow();
            assertEquals(argmax(q.logits()), d.predicted(), "the diagnosis shows the model's own answer");
            assertEquals(d.expected() == d.predicted(), d.reason() == Reason.CORRECT, d.explanation());
            if (d.correct()) {
                continue;
            }
            wrongValues.merge(d.predicted(), 1, Integer::sum);
            double kept = keptOf(in, d.source().valuePosition(), d.position());
            switch (d.reason()) {
                case STATE_DECAYED -> assertTrue(kept < RecallDiagnosis.DEFAULT_RETENTION_THRESHOLD, d.explanation());
                case MISREAD -> {
                    assertTrue(kept >= RecallDiagnosis.DEFAULT_RETENTION_THRESHOLD, d.explanation());
                    assertTrue(d.explanation().contains(String.format(Locale.ROOT, "held %.2g", kept)), kept + ": " + d.explanation());
                }
                default -> throw new AssertionError("an SSM without attention cannot be diagnosed '" + d.reason().label() + "'");
            }
        }
        // the note names each reason the table shows, with its count, and no other
        for (Reason r : Reason.values()) {
            if (r == Reason.CORRECT) {
                continue;
            }
            boolean named = note.contains("'" + r.label() + "'");
            assertEquals(shown.containsKey(r), named, r.label() + " shown " + shown.get(r) + " times; note: " + note);
            if (named) {
                assertTrue(note.contains(shown.get(r) + " wrong answers read '" + r.label() + "'"), note);
            }
        }
        double minKept = ds.stream().filter(d -> !d.correct())
                .mapToDouble(d -> keptOf(in, d.source().valuePosition(), d.position())).min().orElse(1);
        assertTrue(note.contains(String.format(Locale.ROOT, "at least %.2f", Math.floor(minKept * 100) / 100)),
                minKept + ": " + note);
        Map.Entry<Integer, Integer> common = wrongValues.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        assertTrue(note.contains(common.getValue() + " of its " + (ds.size() - right) + " wrong answers are "
                + Vocabulary.name(common.getKey())), common + ": " + note);
        assertEquals(2, vm.lessonModelsProperty().size(), "+HAX is the lesson's second model");
        vm.showLessonModel(1);
        assertEquals(right(hax), right(vm.inspection().inspectionProperty().get()), "the same sequence, the same +HAX");
    }

    @Test
    void theComparisonShowsFourTrainedModelsWithTheirAccuracies() throws Exception {
        List<Double> acc = compareLesson("compare-trained.json", 0.9);
        assertTrue(acc.get(2) < acc.get(0) && acc.get(3) <= 0.7, "+SW misses some, the SSM many: " + acc);
    }

    @Test
    void theMamba2ComparisonShowsEveryBranchAboveTheSsm() throws Exception {
        List<Double> acc = compareLesson("compare-trained-mamba2.json", 0.85);
        assertTrue(acc.get(2) >= 0.8 && acc.get(3) <= 0.6, "+SW recalls too, the SSM does not: " + acc);
    }

    /**
     * Opens a four-model comparison lesson (+HAX, +KS, +SW, SSM, all trained) and checks that its note gives each
     * model's count on the sequence and that +HAX and +KS answer at least {@code recall}; returns the four accuracies.
     */
    private List<Double> compareLesson(String file, double recall) throws Exception {
        open(file);
        assertEquals(View.COMPARE, vm.inspection().tabProperty().get());
        var compare = vm.compare();
        assertEquals(4, compare.slotsProperty().size());
        assertEquals(List.of(Pattern.HAX, Pattern.KS, Pattern.SW, Pattern.NONE),
                compare.slotsProperty().stream().map(s -> s.config().sparse().pattern()).toList());
        String note = vm.scenarioProperty().get().note();
        List<Double> acc = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Inspection in = compare.inspectionsProperty().get(i);
            assertNotNull(in, "slot " + i + ": " + vm.status().messageProperty().get());
            assertNotNull(compare.slotsProperty().get(i).checkpoint(), "trained");
            acc.add(in.accuracy());
            assertTrue(note.contains(String.format(Locale.ROOT, "%d of 36", right(in))), right(in) + ": " + note);
        }
        assertTrue(acc.get(0) >= recall && acc.get(1) >= recall, "+HAX and +KS recall: " + acc);
        assertEquals(36, compare.rowsProperty().size());
        return acc;
    }

    /**
     * The desktop Table 1 lesson (its own 4 x 4 table and checkpoints): +KS keeps the same keys for every query
     * after '|', of the roles the note lists, and every wrong answer of the SSM is a misread of a state that
     * still holds the answer (the note once called that retention low, the diagnosis showing 0.65 and more).
     */
    @Test
    void theDesktopKsKeepsTheSameKeysAndTheSsmMisreadsWhatItsStateHolds() throws Exception {
        vm.openScenario(LESSONS.resolve("trained-ks-vs-ssm.json"));
        Inspection ks = vm.inspection().inspectionProperty().get();
        assertNotNull(ks, vm.status().messageProperty().get());
        assertEquals(Pattern.KS, ks.config().sparse().pattern());
        assertEquals(1, vm.inspection().selectedLayerProperty().get());
        String note = vm.scenarioProperty().get().note();
        int sep = separator(ks);
        var selection = ks.layers().get(1).selection();
        List<Integer> kept = selection.of(sep + 1).stream().map(org.haxlab.model.trace.SelectedKey::key).toList();
        for (int q = sep + 1; q < ks.length(); q++) {
            assertEquals(kept, selection.of(q).stream().map(org.haxlab.model.trace.SelectedKey::key).toList(),
                    "query " + q + " reads the same keys");
        }
        assertTrue(kept.contains(0) && kept.contains(sep), "BOS and '|': " + kept);
        Map<org.haxlab.model.task.TokenRole, Long> roles = new EnumMap<>(org.haxlab.model.task.TokenRole.class);
        kept.stream().filter(k -> k > 0 && k < sep).forEach(k -> roles.merge(Vocabulary.role(ks.token(k)), 1L, Long::sum));
        assertTrue(note.contains("the same " + kept.size() + " keys"), kept + ": " + note);
        assertTrue(note.contains(String.format(Locale.ROOT, "%d tokens of the table, %d values, %d keys and %d context",
                kept.size() - 2, roles.getOrDefault(org.haxlab.model.task.TokenRole.VALUE, 0L),
                roles.getOrDefault(org.haxlab.model.task.TokenRole.KEY, 0L),
                roles.getOrDefault(org.haxlab.model.task.TokenRole.CONTEXT, 0L))), roles + ": " + note);
        assertTrue(note.contains("+KS answers " + right(ks) + " of the 16"), right(ks) + ": " + note);

        vm.showLessonModel(1);
        Inspection ssm = vm.inspection().inspectionProperty().get();
        assertEquals(Pattern.NONE, ssm.config().sparse().pattern());
        assertTrue(note.contains("the SSM " + right(ssm)), right(ssm) + ": " + note);
        List<RecallDiagnosis> ds = List.copyOf(vm.inspection().diagnosesProperty());
        long wrong = ds.stream().filter(d -> !d.correct()).count();
        assertEquals(wrong, count(ds, Reason.MISREAD), "every wrong answer is a misread");
        assertTrue(note.contains("all " + wrong + " of its wrong answers read '" + Reason.MISREAD.label() + "'"), note);
        double minKept = ds.stream().filter(d -> !d.correct())
                .mapToDouble(d -> keptOf(ssm, d.source().valuePosition(), d.position())).min().orElse(1);
        assertTrue(note.contains(String.format(Locale.ROOT, "at least %.2f", Math.floor(minKept * 100) / 100)),
                minKept + ": " + note);
    }

    @Test
    void theWindowMissesExactlyTheAnswersItCannotSee() throws Exception {
        Inspection in = open("window-misses-context.json");
        assertEquals(Pattern.SW, in.config().sparse().pattern());
        String note = vm.scenarioProperty().get().note();
        List<RecallDiagnosis> ds = List.copyOf(vm.inspection().diagnosesProperty());
        int sep = separator(in);
        int outside = 0;
        int outsideRight = 0;
        for (RecallDiagnosis d : ds) {
            boolean seen = d.layers().stream().anyMatch(RecallDiagnosis.LayerFact::selected);
            outside += seen ? 0 : 1;
            outsideRight += !seen && d.correct() ? 1 : 0;
            if (!d.correct()) {
                assertEquals(Reason.NOT_SELECTED, d.reason(), "every miss lies outside the window: " + d.explanation());
            }
        }
        long wrong = ds.size() - right(in);
        assertTrue(wrong > 0 && note.contains(right(in) + " of the 36"), note);
        assertTrue(note.contains(outside + " queries") && note.contains(outsideRight + " of those"),
                outside + " outside, " + outsideRight + " right: " + note);
        int pinned = vm.inspection().pinnedProperty().get();
        var row = in.layers().get(1).selection().of(pinned);
        assertEquals(64, row.size());
        assertTrue(row.stream().allMatch(k -> k.key() > sep), "the pinned query's window lies after '|'");
        assertTrue(ds.stream().anyMatch(d -> d.position() == pinned && !d.correct()));
    }
}
