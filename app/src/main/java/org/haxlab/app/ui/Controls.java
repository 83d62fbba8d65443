package org.haxlab.app.ui;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** Small builders shared by the panes: controls that mirror a view-model property and send changes back as commands. */
final class Controls {

    private Controls() {
    }

    /** A choice box over {@code values} that shows {@code property} and calls {@code command} on a user choice. */
    static <T> ChoiceBox<T> choice(T[] values, ObservableValue<T> property, Consumer<T> command,
                                   Function<T, String> label, String tip) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("choice boxes are not edited as text");
            }
        });
        box.setValue(property.getValue());
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != property.getValue()) {
                command.accept(now);
            }
            // the view model may refuse (e.g. GPU not available): show what it holds
            if (box.getValue() != property.getValue()) {
                box.setValue(property.getValue());
            }
        });
        property.addListener((o, was, now) -> box.setValue(now));
        return tip(box, tip);
    }

    /** An editable integer spinner in {@code min..max} that mirrors {@code property}. */
    static Spinner<Integer> spinner(int min, int max, ObservableValue<? extends Number> property, IntConsumer command,
                                    String tip) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max,
                property.getValue().intValue()));
        s.setEditable(true);
        s.setPrefWidth(80);
        s.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != property.getValue().intValue()) {
                command.accept(now);
            }
        });
        property.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return tip(s, tip);
    }

    /**
     * Gives a table column at least the width of its header text, so no header ends in "...": a table wider
     * than its pane scrolls sideways instead.
     */
    static <S, T> javafx.scene.control.TableColumn<S, T> fitHeader(javafx.scene.control.TableColumn<S, T> column) {
        // one measure for every table of queries and answers (viz's ColumnWidths)
        org.haxlab.viz.recall.ColumnWidths.fitHeader(column);
        return column;
    }

    static <C extends Control> C tip(C control, String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        control.setTooltip(t);
        return control;
    }
}
