package org.haxlab.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.haxlab.model.engine.EngineUnavailableException;

/** An error shown as a sentence a user can act on, never as a stack trace. */
public final class ErrorDialog {

    private ErrorDialog() {
    }

    /**
     * What to tell the user about {@code failure}: the message of an {@link EngineUnavailableException}
     * as-is (it is written for users), otherwise the innermost cause's type and message.
     */
    public static String userMessage(Throwable failure) {
        if (failure instanceof EngineUnavailableException) {
            return failure.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * Shows a non-blocking error dialog (so the model thread's callbacks and tests never wait on it).
     *
     * @return the dialog, already showing
     */
    public static Alert show(Window owner, String headline, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("HAX Lab");
        alert.setHeaderText(headline);
        Label text = new Label(message);
        text.setWrapText(true);
        // A wrapping label still asks for its one-line width; fix the width so the dialog stays readable.
        text.setPrefWidth(520);
        text.setMaxWidth(520);
        text.setId("errorMessage");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("errorDialog");
        alert.getDialogPane().setPrefWidth(560);
        alert.show();
        return alert;
    }
}
