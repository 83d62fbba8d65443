package org.haxlab.app.ui;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haxlab.app.vm.Debouncer;
import org.haxlab.app.vm.ModelLoader;
import org.haxlab.app.vm.ModelWork;
import org.haxlab.app.vm.TrainingViewModel;
import org.haxlab.app.vm.View;
import org.haxlab.app.vm.main.MainViewModel;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The guided tour stops at every view once, opening it as it explains it. */
@ExtendWith(FxExtension.class)
class GuidedTourTest {

    @Test
    void everyViewIsOneStopAndNextOpensIt() {
        List<View> views = GuidedTour.stops().stream().map(GuidedTour.Stop::view).filter(Objects::nonNull).toList();
        assertEquals(List.of(View.values()), views);
        GuidedTour.stops().forEach(s -> assertFalse(s.text().isBlank(), s.title()));

        MainViewModel vm = onFx(() -> new MainViewModel(ModelWork.direct(), ModelLoader.standard(), Debouncer.immediate(),
                new TrainingViewModel(), Runnable::run));
        onFx(() -> {
            new GuidedTour(vm).show(null);
            Stage tour = (Stage) Window.getWindows().stream()
                    .filter(w -> w.getScene() != null && w.getScene().lookup("#tourNext") != null).findFirst().orElseThrow();
            Button next = (Button) tour.getScene().lookup("#tourNext");
            next.fire();   // stop 2: the first view
            assertEquals(View.values()[0], vm.inspection().tabProperty().get());
            next.fire();
            assertEquals(View.values()[1], vm.inspection().tabProperty().get());
            assertEquals(GuidedTour.stops().get(2).text(), ((Label) tour.getScene().lookup("#tourText")).getText());
            tour.close();
            return null;
        });
        Platform.runLater(vm::close);
    }
}
