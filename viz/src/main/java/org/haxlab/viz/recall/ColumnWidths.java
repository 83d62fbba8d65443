package org.haxlab.viz.recall;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Column widths that never cut a header to "…": the width of the title in the header font (Modena draws
 * headers bold at the stylesheet's 13 px) plus the header's padding. Shared by the tables of queries and
 * answers (diagnosis, compare, the answer table).
 */
public final class ColumnWidths {
    /** Header font size of the app's stylesheet. */
    static final double HEADER_FONT = 13;
    /** Header padding and the room of a sort arrow. */
    static final double HEADER_PAD = 22;
    /** Factor on the measured text width. */
    static final double TEXT_MARGIN = 1.2;

    private ColumnWidths() {
    }

    /** The width {@code title} needs in a column header. */
    public static double header(String title) {
        Text t = new Text(title);
        t.setFont(Font.font("System", FontWeight.BOLD, HEADER_FONT));
        // the desktop's bold face can run wider than the face this measures with (seen under Xvfb:
        // "Mamba-2 +HAX (k=64)" cut by five characters), so the text width gets a margin
        return Math.ceil(t.getLayoutBounds().getWidth() * TEXT_MARGIN) + HEADER_PAD;
    }

    /** Makes {@code column} at least as wide as its header (and that wide to start with). */
    public static void fitHeader(TableColumn<?, ?> column) {
        double w = header(column.getText());
        column.setMinWidth(w);
        column.setPrefWidth(Math.max(column.getPrefWidth(), w));
    }
}
