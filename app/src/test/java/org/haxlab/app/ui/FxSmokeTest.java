package org.haxlab.app.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxToolkitExtension.class)
class FxSmokeTest {
    @Test
    void toolkitStarts() {
        double w = FxToolkitExtension.onFx(() -> {
            StackPane p = new StackPane(new Label("hello"));
            Scene s = new Scene(p, 200, 100);
            p.applyCss();
            p.layout();
            return p.getWidth();
        });
        assertTrue(w > 0);
    }
}
