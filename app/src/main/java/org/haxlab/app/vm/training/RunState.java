package org.haxlab.app.vm.training;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.haxlab.model.nn.SequenceModel;
import org.haxlab.model.train.RunRecord;

import java.util.function.Consumer;

/**
 * What the training panel shows about its run, kept on the FX thread: status and message, the last save or
 * load notice, whether a reset or load is on its way, the live model, and the run's curves and readout. It
 * changes in two ways only: the commands' own transitions ({@link #begin}, {@link #say}, {@link #setBusy},
 * {@link #notice}) and the model thread's {@link TrainingUpdate}s ({@link #apply}); the view model decides
 * which command may run, this class what each update means.
 */
public final class RunState {

    private final ReadOnlyObjectWrapper<TrainingStatus> status =
            new ReadOnlyObjectWrapper<>(this, "status", TrainingStatus.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper noticeIsError = new ReadOnlyBooleanWrapper(this, "noticeIsError", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<SequenceModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final CurveFeed curves = new CurveFeed();
    private final TrainingReadout readout = new TrainingReadout();
    private final Consumer<RunRecord> onLoaded;

    /** @param onLoaded told the record of a checkpoint once its model is in place (the settings follow it) */
    public RunState(Consumer<RunRecord> onLoaded) {
        this.onLoaded = onLoaded;
    }

    /** A run of {@code steps} steps starts: readout and curves begin, the status is running. */
    public void begin(int steps, String text) {
        readout.begin(steps);
        curves.begin(steps);
        status.set(TrainingStatus.RUNNING);
        message.set(text);
    }

    /** Tells the user {@code text} about the status (a refused command, a pause under way). */
    public void say(String text) {
        message.set(text);
    }

    /** The outcome of a save or load. */
    public void notice(String text, boolean error) {
        notice.set(text);
        noticeIsError.set(error);
    }

    /** A reset or load is on its way (true) or done (false). */
    public void setBusy(boolean b) {
        busy.set(b);
    }

    /** Applies one update from the model thread (FX thread, in the order they were posted). */
    public void apply(TrainingUpdate u) {
        if (u instanceof TrainingUpdate.Step s) {
            curves.step(s.event());
            readout.step(s.event(), curves.baseStep(), curves.tokensPerSecond());
        } else if (u instanceof TrainingUpdate.Status s) {
            status.set(s.status());
            message.set(s.message());
        } else if (u instanceof TrainingUpdate.ModelReady m) {
            model.set(m.model());
            curves.newModel(m.step());
            readout.newModel(m.step());
            busy.set(false);
            if (m.loaded() != null) {
                onLoaded.accept(m.loaded());
                status.set(TrainingStatus.IDLE);
                message.set("loaded at step " + m.step());
            }
        } else if (u instanceof TrainingUpdate.Notice n) {
            notice(n.text(), n.error());
            if (n.error()) {
                // a failed load or reset leaves nothing on its way
                busy.set(false);
            }
        }
    }

    /** The current status. */
    public TrainingStatus status() {
        return status.get();
    }

    /** True while a reset or load is on its way. */
    public boolean busy() {
        return busy.get();
    }

    /** The curves the run's steps feed. */
    public CurveFeed curves() {
        return curves;
    }

    /** Step, progress, tokens/s, last loss and accuracy, best validation accuracy. */
    public TrainingReadout readout() {
        return readout;
    }

    /** Idle, running, paused, finished, stopped, diverged or failed. */
    public ReadOnlyObjectProperty<TrainingStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What to tell the user about the status. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The outcome of the last save or load. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True when {@link #noticeProperty()} reports a failure. */
    public ReadOnlyBooleanProperty noticeIsErrorProperty() {
        return noticeIsError.getReadOnlyProperty();
    }

    /** True while a reset or load is on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The live model (owned by the model thread), or null. */
    public ReadOnlyObjectProperty<SequenceModel> modelProperty() {
        return model.getReadOnlyProperty();
    }
}
