package org.haxlab.viz.recall;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haxlab.model.inspect.Inspection;
import org.haxlab.model.inspect.QueryPrediction;
import org.haxlab.viz.FxExtension;
import org.haxlab.viz.demo.SyntheticRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.haxlab.viz.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class RecallDiagnosisTableTest {
    @Test
    void rowsCarryContextKeyValuesAndCallerReasonsAndWrongOnesFilter() throws Exception {
        Inspection insp = SyntheticRecords.inspection(5, 5, 0, 3);
        long wrong = insp.predictions().stream().filter(q -> !q.correct()).count();
        assertTrue(wrong > 0 && wrong < insp.predictions().size(), "fixture has both kinds");
        onFx(() -> {
            RecallDiagnosisTable table = new RecallDiagnosisTable();
            table.setInspection(insp, q -> q.correct() ? "" : "key not in window");
            new Scene(new StackPane(table), 800, 400).snapshot(null);
            assertEquals(insp.predictions().size(), table.getItems().size());
            RecallRow row = table.allRows().get(0);
            QueryPrediction q = insp.predictions().get(0);
            int[] t = insp.tokens();
            assertEquals(String.valueOf((char) ('a' + t[q.position()] - 26)), row.key());
            assertEquals(String.valueOf(q.expected() - 10), row.expected());
            int c = q.position() - 1;
            while (t[c] < 42) {
                c--;
            }
            assertEquals(String.valueOf((char) ('A' + t[c] - 42)), row.context());
            table.setOnlyWrong(true);
            assertEquals(wrong, table.getItems().size());
            assertTrue(table.getItems().stream().allMatch(r -> r.reason().equals("key not in window")));
            return null;
        });
    }
}
