package org.haxlab.viz.demo;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.trace.AttentionSelection;
import org.haxlab.model.trace.LayerInspection;
import org.haxlab.model.train.CapacityPoint;
import org.haxlab.model.train.TrainingMetric;
import org.haxlab.viz.buckets.BucketView;
import org.haxlab.viz.charts.CapacityChart;
import org.haxlab.viz.charts.LiveCurves;
import org.haxlab.viz.charts.SparsityChart;
import org.haxlab.viz.decay.DecayChart;
import org.haxlab.viz.decay.DecaySeries;
import org.haxlab.viz.export.ImageExport;
import org.haxlab.viz.heatmap.CellHover;
import org.haxlab.viz.heatmap.ColorBar;
import org.haxlab.viz.heatmap.ComponentLegend;
import org.haxlab.viz.heatmap.MatrixHeatmap;
import org.haxlab.viz.heatmap.Palettes;
import org.haxlab.viz.heatmap.SelectionMatrixView;
import org.haxlab.viz.recall.RecallDiagnosisTable;
import org.haxlab.viz.tokens.TokenLegend;
import org.haxlab.viz.tokens.TokenStrip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A window with every view filled by {@link SyntheticRecords} (a 16 x 16 joint-recall table,
 * L = 1058, not a model result), for screenshots and manual checks. With {@code --screenshots DIR}
 * it writes one PNG per view into DIR and exits (works headless under Monocle).
 *
 * <p>The class with {@code main} does not extend {@link Application}: the java launcher refuses to start
 * such a class from the class path ("JavaFX runtime components are missing").
 */
public final class VizDemo {
    private static final long SEED = 2025;

    private VizDemo() {
    }

    /** Starts the demo; {@code --screenshots DIR} writes PNGs and exits. */
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application behind {@link #main(String[])}. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            VizDemo.start(stage, getParameters().getRaw());
        }
    }

    private static void start(Stage stage, List<String> args) throws Exception {
        Map<String, Node> views = buildViews();
        TabPane tabs = new TabPane();
        views.forEach((name, node) -> {
            Tab t = new Tab(name, node);
            t.setClosable(false);
            tabs.getTabs().add(t);
        });
        int shots = args.indexOf("--screenshots");
        if (shots >= 0) {
            Path dir = Path.of(args.size() > shots + 1 ? args.get(shots + 1) : "screenshots");
            Files.createDirectories(dir);
            for (Map.Entry<String, Node> v : views.entrySet()) {
                BorderPane holder = new BorderPane(v.getValue());
                new Scene(holder, 1100, 700);
                holder.applyCss();
                holder.layout();
                if (v.getValue() instanceof BucketView b) {
                    // Show one hovered query's collisions in the screenshot.
                    b.hoverAt(700.5 * holder.getWidth() / 1058, 5);
                    holder.layout();
                }
                ImageExport.nodeToPng(holder, dir.resolve(v.getKey().replace(' ', '-') + ".png"));
            }
            Platform.exit();
            return;
        }
        stage.setTitle("HAX Lab views (synthetic data)");
        stage.setScene(new Scene(tabs, 1200, 800));
        stage.show();
    }

    /** Every view, filled with synthetic records, by tab name. */
    static Map<String, Node> buildViews() {
        Inspection insp = SyntheticRecords.inspection(16, 16, 0, SEED);
        LayerInspection layer = insp.layers().get(0);
        AttentionSelection sel = layer.selection();
        Map<String, Node> views = new LinkedHashMap<>();

        TokenStrip strip = new TokenStrip();
        strip.setInspection(insp);
        SelectionMatrixView matrix = new SelectionMatrixView();
        matrix.setInspection(layer);
        Label hover = new Label("hover the matrix");
        matrix.hoveredCellProperty().addListener((o, a, cell) -> {
            hover.setText(cell == null ? " " : cell.describe());
            if (cell != null) {
                strip.setHighlight(keysOf(sel, cell), Palettes.VERMILLION);
            }
        });
        ColorBar weight = matrix.createWeightBar(org.haxlab.model.trace.Component.WINDOW);
        HBox.setHgrow(matrix, Priority.ALWAYS);
        VBox selection = new VBox(6, new ComponentLegend(), new HBox(8, matrix, weight), hover, strip, new TokenLegend());
        VBox.setVgrow(selection.getChildren().get(1), Priority.ALWAYS);
        selection.setPadding(new Insets(8));
        views.put("selection", selection);

        MatrixHeatmap norms = new MatrixHeatmap();
        float[] m = new float[2 * insp.length()];
        System.arraycopy(layer.attnNorm(), 0, m, 0, insp.length());
        System.arraycopy(layer.ssmNorm(), 0, m, insp.length(), insp.length());
        norms.setMatrix(m, 2, insp.length());
        HBox.setHgrow(norms, Priority.ALWAYS);
        views.put("norms", new HBox(8, norms, norms.createColorBar("||E*O|| / ||SSM||")));

        BucketView buckets = new BucketView();
        buckets.setInspections(layer, SyntheticRecords.layer(0, insp.tokens(), 256, SEED + 99));
        views.put("buckets", buckets);

        DecayChart decay = new DecayChart();
        decay.setInspection(layer);
        decay.showRetentionFrom(300, DecaySeries.Units.perUnit());
        decay.setLogScale(true);
        decay.setThreshold(0.01);
        views.put("decay", decay);

        LiveCurves curves = new LiveCurves();
        java.util.Random rnd = new java.util.Random(SEED);
        for (int step = 0; step < 400; step += 2) {
            double progress = 1 - Math.exp(-step / 120.0);
            curves.append(TrainingMetric.LOSS, step, 2.8 * (1 - progress) + 0.1 + 0.05 * rnd.nextGaussian());
            curves.append(TrainingMetric.GATE_LOSS, step, 0.3 * (1 - progress) + 0.02);
            curves.append(TrainingMetric.TRAIN_ACCURACY, step, Math.min(1, 0.0625 + 0.9 * progress));
            if (step % 50 == 0) {
                curves.append(TrainingMetric.VAL_ACCURACY, step, Math.min(1, 0.0625 + 0.85 * progress));
            }
        }
        curves.flushPending();
        views.put("training", curves);

        SparsityChart sparsity = new SparsityChart();
        // The synthetic selection is window + sink + LSH (see SyntheticRecords), so budget those.
        Map<org.haxlab.model.trace.Component, Integer> budgets = new LinkedHashMap<>();
        budgets.put(org.haxlab.model.trace.Component.WINDOW, 32);
        budgets.put(org.haxlab.model.trace.Component.LSH, 32);
        sparsity.setSelection(sel, budgets);
        views.put("sparsity", sparsity);

        CapacityChart capacity = new CapacityChart();
        List<CapacityPoint> points = new ArrayList<>();
        for (int n = 5; n <= 16; n += 1) {
            points.add(new CapacityPoint("illustrative SSM", n, n, Math.max(0.0625, 1 - n * n / 200.0), 0));
        }
        for (int n = 5; n <= 16; n += 1) {
            points.add(new CapacityPoint("illustrative +HAX", n, n, Math.max(0.0625, 1 - n * n / 900.0), 0));
        }
        capacity.setPoints(points);
        capacity.setBound(400, 16);
        views.put("capacity", capacity);

        RecallDiagnosisTable table = new RecallDiagnosisTable(javafx.collections.FXCollections.observableArrayList(
                insp.predictions().stream().map(q -> new org.haxlab.model.inspect.RecallDiagnosis(q.position(),
                        q.expected(), q.predicted(), q.confidence(), q.expectedProb(),
                        new org.haxlab.model.inspect.AnswerSource(q.position(), -1, -1),
                        q.correct() ? org.haxlab.model.inspect.RecallDiagnosis.Reason.CORRECT
                                : org.haxlab.model.inspect.RecallDiagnosis.Reason.UNEXPLAINED,
                        q.correct() ? "right" : "synthetic record: wrong on purpose, no evidence to read",
                        java.util.List.of())).toList()));
        views.put("recall", table);
        return views;
    }

    private static int[] keysOf(AttentionSelection sel, CellHover cell) {
        return java.util.Arrays.copyOfRange(sel.keys(), sel.offsets()[cell.query()], sel.offsets()[cell.query() + 1]);
    }
}
