package org.haxlab.app.ui;

import javafx.scene.layout.BorderPane;

/**
 * The main window's content: model bar on top, sequence panel on the left, tabbed views in the centre,
 * training side panel on the right, status bar at the bottom.
 */
public final class MainWindow extends BorderPane {

    /** Initial window size: fits a 1366×768 laptop screen with room for the task bar. */
    public static final double WIDTH = 1280;
    /** Initial window height. */
    public static final double HEIGHT = 720;

    private final ModelBar modelBar = new ModelBar(new org.haxlab.app.vm.ModelBarViewModel());
    private final SequencePanel sequencePanel = new SequencePanel(new org.haxlab.app.vm.SequenceViewModel());
    private final ViewTabs views = new ViewTabs();
    private final TrainingPanel trainingPanel = new TrainingPanel();
    private final StatusBar statusBar = new StatusBar();

    /** All parts, empty. */
    public MainWindow() {
        setId("mainWindow");
        getStyleClass().add("main-window");
        sequencePanel.setPrefWidth(280);
        trainingPanel.setPrefWidth(280);
        setTop(modelBar);
        setLeft(sequencePanel);
        setCenter(views);
        setRight(trainingPanel);
        setBottom(statusBar);
    }

    /** The bar on top. */
    public ModelBar modelBar() {
        return modelBar;
    }

    /** The left panel. */
    public SequencePanel sequencePanel() {
        return sequencePanel;
    }

    /** The centre tabs. */
    public ViewTabs views() {
        return views;
    }

    /** The right panel. */
    public TrainingPanel trainingPanel() {
        return trainingPanel;
    }

    /** The bottom bar. */
    public StatusBar statusBar() {
        return statusBar;
    }
}
