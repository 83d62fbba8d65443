package org.haxlab.viz.recall;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.haxlab.model.inspect.AnswerSource;
import org.haxlab.model.inspect.RecallDiagnosis;
import org.haxlab.model.task.Vocabulary;
import org.haxlab.viz.fxtest.FxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(FxExtension.class)
class RecallDiagnosisTableTest {
    private static final String LONG_WHY = "The answer 3 was defined at position 4 (B a 3), but no attention layer selected "
            + "it: the sliding window of 64 keys ends at position 80 and the sink holds positions 0 to 3 only, so "
            + "the state had to carry it over 140 tokens and kept 2e-5 of it.";

    private static RecallDiagnosis diagnosis(int position, int expected, int predicted, RecallDiagnosis.Reason reason,
                                             String why) {
        return new RecallDiagnosis(position, Vocabulary.VALUE_BASE + expected, Vocabulary.VALUE_BASE + predicted, 0.4f,
                0.1f, new AnswerSource(position, 3, 4), reason, why, List.of());
    }

    @Test
    void rowsShowTheQuestionAnswersAndWhyAndTheFilterKeepsWrongOnes() throws Exception {
        ObservableList<RecallDiagnosis> source = FXCollections.observableArrayList(
                diagnosis(144, 3, 3, RecallDiagnosis.Reason.CORRECT, "right"),
                diagnosis(146, 3, 7, RecallDiagnosis.Reason.NOT_SELECTED, LONG_WHY));
        onFx(() -> {
            RecallDiagnosisTable table = new RecallDiagnosisTable(source);
            table.setQuestions(Map.of(144, "A a", 146, "B a"));
            new Scene(new StackPane(table), 1280, 400).snapshot(null);
            List<List<String>> rows = table.shownText();
            assertEquals(List.of("144", "A a", "3", "3", "40%", "4", "correct: right"), rows.get(0));
            assertEquals("answer\nat", table.getColumns().get(5).getText());
            assertEquals(List.of("146", "B a", "3", "7", "40%", "4", "not selected: " + LONG_WHY), rows.get(1));
            table.setOnlyWrong(true);
            assertEquals(1, table.getItems().size());
            assertEquals(146, table.getItems().get(0).position());
            return null;
        });
    }

    @Test
    void headersAndTheWhySentenceAreNotCutInTheWindowsTablePlace() throws Exception {
        headersAndWhyFit("");
    }

    /** The window's classroom mode sets 16 px on its root: the table must still fit its 680 px. */
    @Test
    void headersAndTheWhySentenceAreNotCutWithClassroomFonts() throws Exception {
        headersAndWhyFit("-fx-font-size: 16px;");
    }

    private static void headersAndWhyFit(String rootStyle) throws Exception {
        ObservableList<RecallDiagnosis> source = FXCollections.observableArrayList(
                diagnosis(146, 3, 7, RecallDiagnosis.Reason.OUTWEIGHED, LONG_WHY));
        for (int q = 0; q < 20; q++) {   // more rows than fit: the vertical scroll bar takes its room too
            source.add(diagnosis(148 + 2 * q, 5, 6, RecallDiagnosis.Reason.NOT_SELECTED, LONG_WHY));
        }
        onFx(() -> {
            RecallDiagnosisTable table = new RecallDiagnosisTable(source);
            // at 1280 x 720 the table gets about 680 px between the editor and the training panel
            StackPane root = new StackPane(table);
            root.setStyle(rootStyle);
            Scene scene = new Scene(root, 680, 400);
            scene.snapshot(null);
            assertTrue(table.whyColumn().getWidth() >= 160, "why keeps room to wrap: " + table.whyColumn().getWidth());
            double sum = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
            assertTrue(sum <= 680, "no sideways scrolling at this width: " + sum);
            table.lookupAll(".scroll-bar").forEach(n -> {
                javafx.scene.control.ScrollBar bar = (javafx.scene.control.ScrollBar) n;
                assertTrue(bar.getOrientation() == javafx.geometry.Orientation.VERTICAL || !bar.isVisible(),
                        "no sideways scroll bar: columns " + sum + " px");
            });
            table.lookupAll(".column-header .label").forEach(n -> {
                Labeled l = (Labeled) n;
                if (!l.getText().isEmpty()) {
                    assertTrue(l.prefWidth(-1) <= l.getWidth() + 0.5, "header '" + l.getText() + "' is cut: "
                            + l.getWidth() + " < " + l.prefWidth(-1));
                }
            });
            javafx.scene.text.TextFlow why = (javafx.scene.text.TextFlow) table.lookupAll(".table-cell").stream()
                    .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getGraphic())
                    .filter(g -> g instanceof javafx.scene.text.TextFlow f && ((Text) f.getChildren().get(1)).getText()
                            .equals(LONG_WHY)).findFirst().orElseThrow();
            assertEquals("selected but outweighed: ", ((Text) why.getChildren().get(0)).getText(), "the reason first");
            assertTrue(why.getWidth() <= table.whyColumn().getWidth(), "within its column");
            assertTrue(why.getHeight() > 40, "over several lines rather than cut: " + why.getHeight());
            var row = table.lookupAll(".table-row-cell").stream().filter(n -> ((javafx.scene.control.TableRow<?>) n)
                    .getItem() != null).findFirst().orElseThrow();
            double lines = why.getHeight() / 14;
            assertTrue(row.getLayoutBounds().getHeight() < why.getHeight() + 30,
                    "the row is as tall as its sentence (" + lines + " lines), not the table: "
                            + row.getLayoutBounds().getHeight());
            return null;
        });
    }
}
