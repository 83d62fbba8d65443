package org.haxlab.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.PhaseTimer;
import org.haxlab.model.nd.Scalars;
import org.haxlab.model.nn.ForwardOutput;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.task.Batch;
import org.haxlab.model.task.RecallSequence;
import org.haxlab.model.trace.ForwardOptions;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Trains a {@link SequenceModel} on a task (spec §4): AdamW, warm-up + constant or cosine rate, global-norm
 * clipping, loss = masked cross-entropy at the query positions + gate weight x gate loss.
 *
 * <p>{@link #run()} runs on the caller's thread (in the app: the model-work executor) on the device of the
 * model's {@link org.haxlab.model.nd.Params}. {@link #control()} pauses, single-steps or stops it from any
 * other thread; listeners hear every step, validation and state change. Each step runs inside an
 * {@link NDScope} and a per-step manager and zeroes the gradients, so native memory stays flat over long runs.
 * On the CPU a seed gives the same run every time: the data order comes from {@code Random(seed)} and the
 * per-step LSH projection seeds from the step number. {@link #resumeFrom} continues a saved run exactly
 * (optimiser moments, data stream, best-so-far record), and {@link #checkpointEvery} says how often the
 * listeners get the state to save.
 *
 * <p>PyTorch allows one gradient collector at a time per process: run one trainer at a time.
 *
 * <p>If the loss or a gradient becomes NaN or infinite the run ends as {@link RunState#DIVERGED}, with the
 * last weights that gave a finite loss in place and a {@link DivergenceException} sent to
 * {@link TrainingListener#onError}.
 */
public final class Trainer {

    private final SequenceModel model;
    private final TrainingConfig config;
    private final List<RecallSequence> validation;
    private final HeldOutFreeBatches draws;
    private final TrainingControl control = new TrainingControl();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    private int reportEvery = 1;
    private RunState state;
    private double bestAccuracy = Double.NaN;
    private int bestStep;
    private int checkpointEvery;
    private ResumePoint resume;

    /**
     * @param model      the model to train in place
     * @param config     optimiser and schedule settings
     * @param source     training sequences; draws equal to a held-out sequence are redrawn (no duplicate across splits)
     * @param validation the fixed held-out split (may be empty when {@code config.validateEvery() == 0})
     */
    public Trainer(SequenceModel model, TrainingConfig config, SequenceSource source, List<RecallSequence> validation) {
        if (model == null || config == null || source == null || validation == null) {
            throw new IllegalArgumentException("trainer: model, config, source and validation are required");
        }
        if (config.validateEvery() > 0 && validation.isEmpty()) {
            throw new IllegalArgumentException("trainer: validation every " + config.validateEvery()
                    + " steps needs a non-empty held-out split");
        }
        this.model = model;
        this.config = config;
        this.validation = List.copyOf(validation);
        this.draws = new HeldOutFreeBatches(source, validation, config.batchSize());
    }

    /** Adds a listener; returns this trainer. */
    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Pause / step / stop from another thread. */
    public TrainingControl control() {
        return control;
    }

    /** The model being trained. */
    public SequenceModel model() {
        return model;
    }

    /**
     * Sends {@link TrainingListener#onCheckpoint} every {@code steps} steps (0: only when the run ends, the
     * default); returns this trainer.
     */
    public Trainer checkpointEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("trainer: checkpoint interval " + steps + " must be >= 0");
        }
        this.checkpointEvery = steps;
        return this;
    }

    /**
     * Continues a saved run instead of starting a new one: sets the model's weights to the checkpoint's now;
     * {@link #run()} then restores the AdamW moments, the data stream and the best-so-far record and goes
     * on from the saved step to this trainer's {@code config.steps()}. With the same configuration the
     * steps that follow are those the uninterrupted run would have made.
     *
     * @throws IllegalArgumentException when the checkpoint belongs to another model or seed, or is past this
     *                                  run's steps
     */
    public Trainer resumeFrom(ResumePoint point) {
        ResumeState s = point.state();
        if (s.step() > config.steps()) {
            throw new IllegalArgumentException("trainer: the checkpoint is at step " + s.step() + ", past this run's "
                    + config.steps() + " steps");
        }
        if (!point.checkpoint().record().model().equals(model.config())) {
            throw new IllegalArgumentException("trainer: the checkpoint's model " + point.checkpoint().record().model()
                    + " is not this trainer's " + model.config());
        }
        model.params().copyFrom(point.checkpoint().weights());
        this.resume = point;
        this.bestAccuracy = s.bestAccuracy();
        this.bestStep = s.bestStep();
        return this;
    }

    /** The configuration of this run. */
    public TrainingConfig config() {
        return config;
    }

    /**
     * Trains until all steps are done, {@link TrainingControl#stop()} is called, or the run diverges or fails;
     * blocks the calling thread meanwhile (paused time included). Never throws for a divergence or a failed
     * step: both are in the returned summary and sent to {@link TrainingListener#onError}.
     */
    @SuppressWarnings("try")
    public RunSummary run() {
        ResumableRandom data = resume == null ? new ResumableRandom(config.seed()) : resume.state().dataRandom();
        int done = resume == null ? 0 : resume.state().step();
        double lastLoss = Double.NaN;
        double lastAcc = Double.NaN;
        double activeNanos = resume == null ? 0 : resume.state().elapsedSeconds() * 1e9;
        String message = null;
        RunState end = RunState.FINISHED;
        try (NoGrad noGrad = NoGrad.of(model.params().manager().getEngine());
             AdamW adam = new AdamW(model.params(), config.weightDecay());
             WeightGuard guard = new WeightGuard(model.params());
             NDManager work = model.params().manager().newSubManager()) {
            if (resume != null) {
                adam.restore(resume.state().optimizerUpdates(), resume.first(), resume.second());
            }
            while (done < config.steps()) {
                TrainingControl.Gate gate = control.gate();
                if (gate == TrainingControl.Gate.STOP) {
                    end = RunState.STOPPED;
                    break;
                }
                if (gate == TrainingControl.Gate.PAUSE) {
                    setState(RunState.PAUSED);
                    try {
                        control.awaitChange();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        end = RunState.STOPPED;
                        message = "interrupted while paused";
                        break;
                    }
                    continue;
                }
                setState(RunState.RUNNING);
                int step = done + 1;
                long t0 = System.nanoTime();
                StepEvent partial = step(step, data, adam, guard, work);
                done = step;
                if (partial == null) {
                    // not a report point: nothing was read back, nothing to tell
                    activeNanos += System.nanoTime() - t0;
                    control.stepCompleted();
                    continue;
                }
                ValidationEvent val = null;
                if (config.validateEvery() > 0 && (step % config.validateEvery() == 0 || step == config.steps())) {
                    val = validate(step);
                }
                double nanos = System.nanoTime() - t0;
                activeNanos += nanos;
                StepEvent event = new StepEvent(step, partial.loss(), partial.lmLoss(), partial.gateLoss(),
                        partial.accuracy(), partial.learningRate(), partial.gradNorm(), partial.tokensPerSecond(),
                        partial.wallMillis(), activeNanos / 1e9, val);
                lastLoss = event.loss();
                lastAcc = event.accuracy();
                control.stepCompleted();
                if (val != null) {
                    for (TrainingListener l : listeners) {
                        l.onValidation(val);
                    }
                }
                for (TrainingListener l : listeners) {
                    l.onStep(event);
                }
                if (checkpointEvery > 0 && step % checkpointEvery == 0 && step < config.steps()) {
                    checkpoint(RunState.RUNNING, step, data, adam, activeNanos);
                }
            }
            if (end == RunState.FINISHED || end == RunState.STOPPED) {
                // the loss check of the next step never runs after the last update: check the weights directly
                String bad;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    bad = guard.firstNonFiniteWeight();
                }
                if (bad != null) {
                    guard.restore();
                    throw new DivergenceException(done, "weight '" + bad + "'", Double.NaN,
                            config.rateAt(Math.max(1, done)), config.clipNorm());
                }
                if (done > 0) {
                    checkpoint(end, done, data, adam, activeNanos);
                }
            }
        } catch (DivergenceException e) {
            end = RunState.DIVERGED;
            message = e.getMessage();
            done = Math.min(done, e.step() - 1);
            for (TrainingListener l : listeners) {
                l.onError(e);
            }
        } catch (RuntimeException e) {
            end = RunState.FAILED;
            message = "training failed at step " + (done + 1) + ": " + e;
            for (TrainingListener l : listeners) {
                l.onError(e);
            }
        }
        setState(end);
        RunSummary summary = new RunSummary(end, done, lastLoss, lastAcc, bestAccuracy, bestStep, activeNanos / 1e9, message);
        for (TrainingListener l : listeners) {
            l.onFinished(summary);
        }
        return summary;
    }

    /** Sends the run's state to every listener's {@link TrainingListener#onCheckpoint}. */
    private void checkpoint(RunState at, int step, ResumableRandom data, AdamW adam, double activeNanos) {
        ResumeState s = new ResumeState(at, step, config.steps(), adam.updates(), data.state(), data.pendingGaussian(),
                bestAccuracy, bestStep, activeNanos / 1e9);
        TrainingSnapshot snapshot = new TrainingSnapshot(s, adam.firstMoments(), adam.secondMoments());
        for (TrainingListener l : listeners) {
            l.onCheckpoint(snapshot);
        }
    }

    /**
     * One optimiser step. Nothing is read back from the device unless the step {@link #reports}: then loss,
     * its parts, the gradient norm and the accuracy come back in one read, are checked for divergence, and the
     * weights are snapshot as the last good ones; the returned event has no validation and no elapsed time
     * yet. Other steps return null. Clipping is decided on the device either way, so a reported step and an
     * unreported one compute the same update.
     */
    private StepEvent step(int step, Random data, AdamW adam, WeightGuard guard, NDManager work) {
        List<RecallSequence> seqs = draws.batch(data);
        int length = seqs.stream().mapToInt(RecallSequence::length).max().orElseThrow();
        long tokens = seqs.stream().mapToLong(RecallSequence::length).sum();
        double lr = config.rateAt(step);
        long t0 = System.nanoTime();
        try (NDManager stepManager = work.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Batch batch = config.padTo() > 0 ? Batch.released(seqs, config.padTo(), stepManager)
                    : Batch.of(seqs, length, stepManager);
            PhaseTimer.mark("batch", batch.tokens());
            guard.zeroGradients();
            NDArray loss;
            NDArray lm;
            ForwardOutput out;
            Engine engine = model.params().manager().getEngine();
            try (GradientCollector gc = engine.newGradientCollector()) {
                // the host pad flags let the KS ranking loss draw its keys without reading the device mask
                out = model.forward(batch.tokens(), ForwardOptions.train(lshSeed(step), batch.padFlags()));
                lm = Objective.maskedMean(Objective.crossEntropy(out.logits(), batch.targets()), batch.lossMask());
                loss = lm.add(Scalars.mul(out.gateLoss(), (float) config.gateLossWeight()));
                PhaseTimer.mark("loss", loss);
                gc.backward(loss);
            }
            List<NDArray> grads = guard.gradients();
            PhaseTimer.mark("backward", grads.get(grads.size() - 1));
            // one flat gradient: the norm, the clip and AdamW run a few kernels for all weights (see AdamW)
            NDArray flat = Gradients.flatten(grads);
            NDArray squaredNorm = Gradients.squaredNorm(flat);
            StepEvent event = null;
            if (reports(step)) {
                float[] read = HostReads.floats(NDArrays.concat(new NDList(loss.reshape(1), lm.reshape(1),
                        out.gateLoss().reshape(1), squaredNorm.reshape(1),
                        Objective.correctAndQueriesOnDevice(out.logits(), batch.targets(), batch.lossMask()))));
                double lossValue = read[0];
                if (!Double.isFinite(lossValue)) {
                    guard.restore();
                    throw new DivergenceException(step, "loss", lossValue, lr, config.clipNorm());
                }
                double norm = Math.sqrt(read[3]);
                if (!Double.isFinite(norm)) {
                    // the weights of this step gave a finite loss: keep them, skip the update
                    String name = guard.firstNonFiniteGradient(grads);
                    throw new DivergenceException(step, "gradient of '" + (name == null ? "?" : name) + "'", norm, lr, config.clipNorm());
                }
                guard.markGood();
                double acc = Objective.accuracy(Objective.split(java.util.Arrays.copyOfRange(read, 4, read.length)));
                double ms = (System.nanoTime() - t0) / 1e6;
                event = new StepEvent(step, lossValue, read[1], read[2], acc, lr, norm,
                        tokens / Math.max(1e-9, ms / 1e3), ms, 0, null);
            }
            if (config.clipNorm() > 0) {
                Gradients.clip(flat, squaredNorm, config.clipNorm());
            }
            adam.step(lr, flat);
            PhaseTimer.mark("clip+optimiser", grads.get(0));
            return event;
        }
    }

    /**
     * Whether {@code step} reads its loss and metrics back (and checks them for divergence): every
     * {@link #reportEvery(int)}-th step, every validation and checkpoint step (a checkpoint keeps only checked
     * weights), the last step, and a step after which the run
     * is asked to pause or stop (so that what is shown is the latest).
     */
    boolean reports(int step) {
        return step % reportEvery == 0 || step == config.steps()
                || (config.validateEvery() > 0 && step % config.validateEvery() == 0)
                || (checkpointEvery > 0 && step % checkpointEvery == 0)
                || control.pauseRequested() || control.stopRequested();
    }

    /**
     * Reads loss and metrics back (and checks for divergence) only every {@code steps} steps, plus validation
     * steps and the last one (default 1: every step). Listeners hear {@link TrainingListener#onStep} only for
     * those steps; in between a step queues its work on the device and returns without waiting for it, which is
     * what lets a GPU run at its own speed (docs/GPU.md). A divergence is then noticed at the next report point
     * and the weights go back to those of the last one. Returns this trainer.
     */
    public Trainer reportEvery(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("trainer: report every " + steps + " steps; must be >= 1");
        }
        this.reportEvery = steps;
        return this;
    }

    private ValidationEvent validate(int step) {
        // a paper-variant model draws its projections afresh per validation batch, from a seed of this step
        EvalResult r = Evaluator.evaluate(model, validation, config.batchSize(), config.padTo(),
                lshSeed(step) ^ 0x7A11DA7E5EEDL);
        boolean best = !Double.isNaN(r.accuracy()) && (Double.isNaN(bestAccuracy) || r.accuracy() > bestAccuracy);
        if (best) {
            bestAccuracy = r.accuracy();
            bestStep = step;
        }
        return new ValidationEvent(step, r.loss(), r.accuracy(), best, bestAccuracy, bestStep);
    }

    /** Seed of a step's fresh LSH projections: a function of the run seed and the step only. */
    private long lshSeed(int step) {
        return config.seed() * 0x9E3779B97F4A7C15L + step;
    }

    private void setState(RunState next) {
        if (next != state) {
            state = next;
            for (TrainingListener l : listeners) {
                l.onStateChange(next);
            }
        }
    }
}
