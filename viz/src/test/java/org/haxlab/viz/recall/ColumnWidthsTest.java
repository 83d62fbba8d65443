package org.haxlab.viz.recall;

import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fitted headers show their whole title even where the table is too narrow for every column. */
@ExtendWith(FxExtension.class)
class ColumnWidthsTest {

    @Test
    void longModelNamesKeepTheirWholeHeader() throws Exception {
        onFx(() -> {
            TableView<String> table = new TableView<>();
            for (String title : new String[] {"position", "Mamba-2 +HAX (k=64)", "Mamba-2 Base (2x dim)", "Mamba-2 Base"}) {
                TableColumn<String, String> c = new TableColumn<>(title);
                ColumnWidths.fitHeader(c);
                table.getColumns().add(c);
            }
            table.getItems().add("row");
            // narrower than the columns together: the table scrolls sideways rather than cutting a name
            new Scene(new StackPane(table), 300, 200).snapshot(null);
            table.lookupAll(".column-header .label").forEach(n -> {
                Labeled l = (Labeled) n;
                if (!l.getText().isEmpty()) {
                    assertTrue(l.prefWidth(-1) <= l.getWidth() + 0.5, "'" + l.getText() + "' is cut: " + l.getWidth()
                            + " < " + l.prefWidth(-1));
                }
            });
            assertTrue(ColumnWidths.header("Mamba-2 +HAX (k=64)") > ColumnWidths.header("pos") + 60);
            return null;
        });
    }
}
