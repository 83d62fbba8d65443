package org.haxlab.app.vm;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's model-work line: what runs now, what finished, or why it failed. Written by the
 * controllers on the FX thread; the status bar binds to it.
 */
public final class WorkStatus {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error", false);

    /** Work started: {@code what} is shown with a progress indicator. */
    public void working(String what) {
        message.set(what);
        busy.set(true);
        error.set(false);
    }

    /** Work finished: {@code what} is shown plainly. */
    public void done(String what) {
        message.set(what);
        busy.set(false);
        error.set(false);
    }

    /** Work failed or was refused: {@code why} is shown as an error. */
    public void failed(String why) {
        message.set(why);
        busy.set(false);
        error.set(true);
    }

    /** The line shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while work runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when the line is an error. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The sentence for a failure: its own message (the model code writes messages for users), else the
     * innermost cause's, else the type's name.
     */
    public static String reason(Throwable failure) {
        if (failure.getMessage() != null && !failure.getMessage().isBlank()) {
            return failure.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}
