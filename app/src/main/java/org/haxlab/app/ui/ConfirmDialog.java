package org.haxlab.app.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.haxlab.app.vm.Confirm;

import java.util.function.Supplier;

/**
 * {@link Confirm} as a modal dialog with two named buttons (e.g. Replace / Keep). Keep is the default
 * button and the answer of a dialog closed any other way, so Enter or Escape never discards anything.
 */
public final class ConfirmDialog implements Confirm {

    private final Supplier<Window> owner;

    /** @param owner the window the dialog belongs to (asked at each question: the scene may come later) */
    public ConfirmDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean ask(Question q) {
        // JavaFX forbids a nested event loop inside an animation or layout pulse (a spinner's auto-repeat,
        // a per-frame drain): there the safe answer is to keep, and the control shows the kept value
        if (!Platform.canStartNestedEventLoop()) {
            return false;
        }
        return dialog(q).showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /** The dialog for {@code q}, not yet shown. */
    Alert dialog(Question q) {
        ButtonType goAhead = new ButtonType(q.goAhead(), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(q.keep(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", goAhead, keep);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        a.setTitle(q.title());
        a.setHeaderText(q.header());
        Label text = new Label(q.detail());
        text.setWrapText(true);
        // a wrapping label still asks for its one-line width: fix it so the dialog stays readable
        text.setPrefWidth(480);
        text.setMaxWidth(480);
        a.getDialogPane().setContent(text);
        a.getDialogPane().setId("confirmDialog");
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(goAhead)).setDefaultButton(false);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return a;
    }
}
