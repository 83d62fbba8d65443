package org.haxlab.viz.tokens;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.model.task.TokenRole;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.heatmap.RasterView;
import org.haxlab.viz.heatmap.Viewport;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The coloured token sequence: one cell per position coloured by its {@link TokenRole} ({@link RoleColors}), a highlight band
 * the caller lights (for example the keys the hovered query selected), and correct / wrong marks at the
 * query positions of {@link QueryPrediction}s. Scroll zooms horizontally, drag pans, double-click resets;
 * token text appears once cells are wide enough. Hover publishes the position
 * ({@link #hoveredPositionProperty()}, -1 when none) and shows token, role and answer in an overlay.
 *
 * <p>Under a matrix the strip follows the matrix's columns instead ({@link #followColumns(double, double)}):
 * its own zoom and pan are then off, so that position i is always drawn under column i.
 */
public class TokenStrip extends RasterView {
    private static final double TEXT_MIN_PIXELS = 11;

    private final IntFunction<String> names;
    private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(this, "hoveredPosition", -1);
    private final Canvas text = new Canvas();
    private final Label info = new Label();
    private final Map<Integer, Integer> highlights = new HashMap<>();
    private final Map<Integer, QueryPrediction> byPosition = new HashMap<>();
    private int[] tokens = new int[0];
    private TokenRole[] roles = new TokenRole[0];
    private List<QueryPrediction> predictions = List.of();
    private Viewport viewport;
    private double dragX;
    private boolean following;

    /** A strip with the task's token names ({@link Vocabulary#name}). */
    public TokenStrip() {
        this(Vocabulary::name);
    }

    /** A strip printing tokens with {@code names} (the task package's canonical naming). */
    public TokenStrip(IntFunction<String> names) {
        if (names == null) {
            throw new IllegalArgumentException("token strip: the token name function is required");
        }
        this.names = names;
        setPrefSize(800, 40);
        setMinSize(32, 12);
        info.setBackground(new Background(new BackgroundFill(Color.rgb(255, 255, 255, 0.92), new CornerRadii(3), null)));
        info.setPadding(new Insets(1, 4, 1, 4));
        info.setVisible(false);
        overlay().getChildren().addAll(text, info);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(-1, -1));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> dragX = e.getX());
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (viewport != null && !following && e.getButton() == MouseButton.PRIMARY) {
                viewport = viewport.panBy(e.getX() - dragX, 0, rasterWidth(), rasterHeight());
                dragX = e.getX();
                invalidateRaster();
            }
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && !following) {
                resetView();
            }
        });
        setOnScroll(this::onScroll);
    }

    /** Shows a token sequence; clears predictions, highlights and (unless following a matrix) zoom. */
    public final void setTokens(int[] sequence) {
        tokens = sequence.clone();
        roles = TokenRole.of(tokens, new int[0]);
        if (!following || viewport == null || viewport.cols() != tokens.length) {
            viewport = tokens.length == 0 ? null : Viewport.full(1, tokens.length);
        }
        highlights.clear();
        setPredictions(List.of());
    }

    /**
     * Shows exactly columns {@code x0} .. {@code x0 + span} of the sequence from now on (a matrix's
     * visible key range), and turns the strip's own zoom and pan off; a span of 0 or less gives them back.
     */
    public final void followColumns(double x0, double span) {
        following = span > 0;
        if (tokens.length == 0) {
            return;
        }
        viewport = following ? new Viewport(1, tokens.length, x0, 0, Math.min(span, tokens.length), 1)
                : Viewport.full(1, tokens.length);
        invalidateRaster();
    }

    /** The visible columns (null when empty). */
    public final Viewport viewport() {
        return viewport;
    }

    /** Shows the tokens and the answers of an inspection. */
    public final void setInspection(Inspection inspection) {
        setTokens(inspection.tokens());
        setPredictions(inspection.predictions());
    }

    /** Marks correct and wrong answers at their query positions (which also become query / answer roles). */
    public final void setPredictions(List<QueryPrediction> answers) {
        predictions = List.copyOf(answers);
        byPosition.clear();
        for (QueryPrediction q : predictions) {
            byPosition.put(q.position(), q);
        }
        roles = TokenRole.of(tokens, predictions.stream().mapToInt(QueryPrediction::position)
                .filter(p -> p < tokens.length).toArray());
        invalidateRaster();
    }

    /** Lights {@code positions} in the highlight band with {@code argb}, replacing earlier highlights. */
    public final void setHighlight(int[] positions, int argb) {
        highlights.clear();
        addHighlight(positions, argb);
    }

    /** Lights more positions (a later colour wins where they overlap). */
    public final void addHighlight(int[] positions, int argb) {
        for (int p : positions) {
            highlights.put(p, argb);
        }
        invalidateRaster();
    }

    /** The highlight colour of position {@code p} (ARGB), or 0 when it is not lit. */
    public final int highlightOf(int p) {
        return highlights.getOrDefault(p, 0);
    }

    /** Removes every highlight. */
    public final void clearHighlight() {
        highlights.clear();
        invalidateRaster();
    }

    /** The position under the mouse, -1 when none. */
    public final ReadOnlyIntegerProperty hoveredPositionProperty() {
        return hovered.getReadOnlyProperty();
    }

    /** The role of every position shown. */
    public final TokenRole[] roles() {
        return roles.clone();
    }

    /** Shows the whole sequence again. */
    public final void resetView() {
        if (tokens.length > 0 && !following) {
            viewport = Viewport.full(1, tokens.length);
            invalidateRaster();
        }
    }

    /** Zooms horizontally by {@code factor} around pixel column x. */
    public final void zoomAt(double x, double factor) {
        if (viewport != null && !following) {
            viewport = viewport.zoomAt(x, 0, rasterWidth(), rasterHeight(), factor);
            invalidateRaster();
        }
    }

    /** Describes position {@code p}: index, text, role and, at a query, the answer. */
    public final String describe(int p) {
        String s = String.format(Locale.ROOT, "pos %d: %s (%s)", p, names.apply(tokens[p]), RoleColors.label(roles[p]));
        QueryPrediction q = byPosition.get(p);
        if (q != null) {
            s += String.format(Locale.ROOT, " | expected %s, predicted %s (p=%.3f) %s", names.apply(q.expected()),
                    names.apply(q.predicted()), q.confidence(), q.correct() ? "correct" : "WRONG");
        }
        return s;
    }

    /** Treats (x, y) as the mouse position; outside the strip clears the hover. */
    public final void hoverAt(double x, double y) {
        int p = viewport == null || y < 0 || y >= rasterHeight() ? -1 : viewport.colAt(x, rasterWidth());
        hovered.set(p);
        if (p < 0) {
            info.setVisible(false);
            return;
        }
        info.setText(describe(p));
        info.autosize();
        info.relocate(Math.max(0, Math.min(x + 10, rasterWidth() - info.getWidth())), 0);
        info.setVisible(true);
    }

    @Override
    protected int[] renderPixels(int width, int height) {
        if (viewport == null) {
            int[] blank = new int[width * height];
            java.util.Arrays.fill(blank, TokenStripRaster.BACKGROUND);
            return blank;
        }
        return TokenStripRaster.render(roles, viewport, width, height, highlights, predictions);
    }

    @Override
    protected void afterRender(int width, int height) {
        text.setWidth(width);
        text.setHeight(height);
        GraphicsContext g = text.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        if (viewport == null || 1 / viewport.colsPerPixel(width) < TEXT_MIN_PIXELS) {
            return;
        }
        // Only visible cells get text, so this is at most width / TEXT_MIN_PIXELS calls.
        double cell = 1 / viewport.colsPerPixel(width);
        g.setFont(Font.font(Math.min(14, cell * 0.8)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.BLACK);
        int first = Math.max(0, (int) Math.floor(viewport.x0()));
        int last = Math.min(tokens.length - 1, (int) Math.ceil(viewport.x0() + viewport.spanX()));
        for (int i = first; i <= last; i++) {
            g.fillText(names.apply(tokens[i]), (i + 0.5 - viewport.x0()) * cell, height / 2.0, cell);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0 && !following) {
            zoomAt(e.getX(), Math.pow(1.25, e.getDeltaY() / 40.0));
            e.consume();
        }
    }
}
