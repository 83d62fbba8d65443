package org.haxlab.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haxlab.app.vm.View;
import org.haxlab.app.vm.main.MainViewModel;

/**
 * Help > Guided tour: a small window beside the main one that walks through the parts, opening each view
 * as it explains it (Back / Next), so a first-time user learns where to look on the model already answering.
 */
final class GuidedTour {
    /** One stop: the view to open (null: stay) and what to say. */
    record Stop(View view, String title, String text) {
    }

    private final MainViewModel vm;
    private final List<Stop> stops = stops();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label counter = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private int at;

    GuidedTour(MainViewModel vm) {
        this.vm = vm;
    }

    /** The tour's stops, in order. */
    static List<Stop> stops() {
        List<Stop> s = new ArrayList<>();
        s.add(new Stop(null, "A model is already answering", "On the left is a generated multi-query joint-recall"
                + " sequence: contexts with key-value pairs, then after '|' the queries. The line under the model bar"
                + " says which model every view shows and where it came from (the model zoo, the model bar, a lesson,"
                + " a checkpoint or live training). Edit the sequence or press Generate: the views follow."));
        for (View v : View.values()) {
            s.add(new Stop(v, v.title(), Tooltips.of(v)));
        }
        s.add(new Stop(null, "Train and compare", "The panel on the right trains the model live (Play, Pause, Step);"
                + " the views follow the model being trained. Help > Lessons opens ready lessons, e.g. an SSM that"
                + " forgets and HAX that recalls; File > Save scenario keeps your own, with a teaching note."));
        return s;
    }

    /** Opens the tour window at its first stop. */
    void show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("HAX Lab: guided tour");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        title.setWrapText(true);
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setId("tourText");
        next.setId("tourNext");
        Controls.tip(back, "The previous stop");
        Controls.tip(next, "The next stop: opens the view it explains");
        back.setOnAction(e -> go(at - 1));
        next.setOnAction(e -> {
            if (at == stops.size() - 1) {
                stage.close();
            } else {
                go(at + 1);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, counter, gap, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(10, title, text, buttons);
        root.setPadding(new Insets(12));
        root.setPrefWidth(420);
        stage.setScene(new Scene(root));
        go(0);
        stage.show();
    }

    private void go(int i) {
        at = Math.max(0, Math.min(stops.size() - 1, i));
        Stop s = stops.get(at);
        if (s.view() != null) {
            vm.selectView(s.view());
        }
        title.setText(s.title());
        text.setText(s.text());
        counter.setText((at + 1) + " of " + stops.size());
        back.setDisable(at == 0);
        next.setText(at == stops.size() - 1 ? "Close" : "Next");
    }
}
