package org.haxlab.app.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The centre: one tab per way of looking at a forward pass. Tabs are known by an id (saved in
 * scenarios as {@code view.tab}) and hold a placeholder until {@link #setContent} plugs a view in.
 */
public final class ViewTabs extends TabPane {

    /** Tab ids, in order (scenario files use them). */
    public static final List<String> IDS = List.of("selection", "buckets", "decay", "diagnosis", "sparsity", "capacity",
            "compare");
    /** Tab titles, in the order of {@link #IDS}. */
    public static final List<String> TITLES = List.of("Selected keys", "Hash buckets", "State decay", "Recall diagnosis",
            "Sparsity", "Capacity", "Compare");

    /** The tabs with their placeholders. */
    public ViewTabs() {
        setId("views");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        for (int i = 0; i < IDS.size(); i++) {
            Tab tab = new Tab(TITLES.get(i), new Placeholder("Generate or type a sequence to begin."));
            tab.setId("tab-" + IDS.get(i));
            tab.setUserData(IDS.get(i));
            getTabs().add(tab);
        }
    }

    /**
     * Replaces the content of the tab {@code id}.
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public void setContent(String id, Node content) {
        getTabs().get(index(id)).setContent(content);
    }

    /** Opens tab {@code id}; an id this window does not know (an older scenario's) opens the first tab. */
    public void select(String id) {
        int i = IDS.indexOf(id);
        getSelectionModel().select(Math.max(0, i));
    }

    /** The open tab's id. */
    public String selectedId() {
        Tab t = getSelectionModel().getSelectedItem();
        return t == null ? IDS.get(0) : (String) t.getUserData();
    }

    /** The content of the open tab. */
    public Node selectedContent() {
        Tab t = getSelectionModel().getSelectedItem();
        return t == null ? null : t.getContent();
    }

    private static int index(String id) {
        int i = IDS.indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("No view tab '" + id + "'; tabs are " + IDS);
        }
        return i;
    }
}
