package org.haxlab.app.ui;

import java.util.List;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The centre: one tab per way of looking at a forward pass. Each holds a placeholder until the views
 * of the {@code viz} module are plugged in with {@link #setContent}.
 */
public final class ViewTabs extends TabPane {

    /** Tab titles, in order; also the keys for {@link #setContent}. */
    public static final List<String> TITLES = List.of("Attention", "Tokens", "Buckets", "State decay", "Training");

    private static final List<String> EMPTY_TEXTS = List.of(
            "Attention maps per layer. Generate or type a sequence to begin.",
            "Tokens coloured by prediction. Generate or type a sequence to begin.",
            "LSH buckets and selected keys. Generate or type a sequence to begin.",
            "SSM state decay over positions. Generate or type a sequence to begin.",
            "Loss and accuracy curves. Start a training run in the side panel.");

    /** The tabs with their placeholders. */
    public ViewTabs() {
        setId("views");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        for (int i = 0; i < TITLES.size(); i++) {
            Tab tab = new Tab(TITLES.get(i), new Placeholder(EMPTY_TEXTS.get(i)));
            tab.setId("tab-" + TITLES.get(i).toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
            getTabs().add(tab);
        }
    }

    /**
     * Replaces the content of the tab titled {@code title}.
     *
     * @throws IllegalArgumentException naming the unknown title and the known ones
     */
    public void setContent(String title, javafx.scene.Node content) {
        int index = TITLES.indexOf(title);
        if (index < 0) {
            throw new IllegalArgumentException("No view tab '" + title + "'; tabs are " + TITLES);
        }
        getTabs().get(index).setContent(content);
    }
}
