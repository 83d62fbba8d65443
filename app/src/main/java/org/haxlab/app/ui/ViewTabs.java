package org.haxlab.app.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.haxlab.app.vm.View;

/**
 * The centre: one tab per {@link View}, each holding a placeholder until {@link #setContent} plugs the
 * view in.
 */
public final class ViewTabs extends TabPane {

    private final Map<View, Tab> tabs = new EnumMap<>(View.class);

    /** The tabs with their placeholders. */
    public ViewTabs() {
        setId("views");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        for (View v : View.values()) {
            Tab tab = new Tab(v.title(), new Placeholder("Generate or type a sequence to begin."));
            tab.setId("tab-" + v.id());
            tab.setUserData(v);
            tab.setTooltip(new Tooltip(Tooltips.of(v)));
            tabs.put(v, tab);
            getTabs().add(tab);
        }
    }

    /** Replaces the content of the tab of {@code view}. */
    public void setContent(View view, Node content) {
        tabs.get(view).setContent(content);
    }

    /** Opens the tab of {@code view}. */
    public void select(View view) {
        getSelectionModel().select(tabs.get(view));
    }

    /** The open view. */
    public View selected() {
        Tab t = getSelectionModel().getSelectedItem();
        return t == null ? View.values()[0] : (View) t.getUserData();
    }

    /** The content of the open tab. */
    public Node selectedContent() {
        Tab t = getSelectionModel().getSelectedItem();
        return t == null ? null : t.getContent();
    }

    /** The content of the tab of {@code view}. */
    public Node contentOf(View view) {
        return tabs.get(view).getContent();
    }
}
