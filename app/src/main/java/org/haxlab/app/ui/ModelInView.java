package org.haxlab.app.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.haxlab.app.vm.main.MainViewModel;
import org.haxlab.app.vm.ModelSlot;

/**
 * The one line that says which model every view shows and where it came from (model bar, live
 * training, checkpoint, lesson or zoo), and why a chosen checkpoint is not used. A lesson with two to
 * four models adds a choice of which one the views show, so each model's diagnosis can be read.
 */
public final class ModelInView extends HBox {
    private final Label text = new Label();
    private final ChoiceBox<ModelSlot> lessonModel = new ChoiceBox<>();
    private boolean reverting;

    /** The indicator of {@code vm}. */
    public ModelInView(MainViewModel vm) {
        setId("modelInView");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(2, 8, 2, 8));
        getStyleClass().add("model-in-view");
        Label title = new Label("Model in view:");
        title.setStyle("-fx-font-weight: bold;");
        text.setId("modelInViewText");
        text.textProperty().bind(vm.modelInViewProperty());
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        Controls.tip(text, "Every view shows this model. The model bar, an opened checkpoint, a lesson, the model zoo"
                + " and live training each bring one; the last you chose wins. Editing the model bar takes the views"
                + " back from training (Play or Step hands the trained model back).");
        text.getTooltip().textProperty().bind(Bindings.concat(text.getTooltip().getText(), "\n\nNow: ",
                vm.modelInViewProperty()));
        lessonModel.setId("lessonModel");
        lessonModel.setItems(vm.lessonModelsProperty());
        lessonModel.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelSlot s) {
                return s == null ? "" : s.label();
            }

            @Override
            public ModelSlot fromString(String s) {
                throw new UnsupportedOperationException("not edited as text");
            }
        });
        Controls.tip(lessonModel, "This lesson has several models: choose the one every view (and the diagnosis) shows");
        Label lessonLabel = new Label("lesson model");
        lessonLabel.visibleProperty().bind(Bindings.size(vm.lessonModelsProperty()).greaterThan(1));
        lessonModel.visibleProperty().bind(lessonLabel.visibleProperty());
        lessonLabel.managedProperty().bind(lessonLabel.visibleProperty());
        lessonModel.managedProperty().bind(lessonLabel.visibleProperty());
        vm.lessonModelsProperty().addListener((javafx.collections.ListChangeListener<ModelSlot>) c -> {
            if (!lessonModel.getItems().isEmpty()) {
                lessonModel.getSelectionModel().select(0);
            }
        });
        lessonModel.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            int i = now.intValue();
            if (i >= 0 && was.intValue() >= 0 && i != was.intValue() && !reverting && !vm.showLessonModel(i)) {
                // the user kept the model in view: the choice goes back to the lesson model it had
                reverting = true;
                try {
                    lessonModel.getSelectionModel().select(was.intValue());
                } finally {
                    reverting = false;
                }
            }
        });
        getChildren().addAll(title, text, lessonLabel, lessonModel);
    }

    /** The indicator's text. */
    public String text() {
        return text.getText();
    }

    /** The choice of the lesson's model (shown for lessons with several). */
    ChoiceBox<ModelSlot> lessonModelChoice() {
        return lessonModel;
    }
}
