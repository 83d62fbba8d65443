package org.haxlab.viz.heatmap;

import org.haxlab.model.trace.Component;
import org.haxlab.model.task.TokenRole;
import org.haxlab.viz.fxtest.FxExtension;
import org.haxlab.viz.tokens.RoleColors;
import org.haxlab.viz.tokens.TokenLegend;
import org.haxlab.viz.tokens.TokenStripRaster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.haxlab.viz.fxtest.FxExtension.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two categorical palettes: disjoint, and apart under every simulated colour vision. */
@ExtendWith(FxExtension.class)
class PaletteTest {
    /** Smallest CIE76 distance within a palette (an obvious difference side by side). */
    private static final double WITHIN = 10;
    /** Smallest distance between a role and a component colour. */
    private static final double ACROSS = 9;

    @Test
    void roleColoursStayApartUnderEveryVision() {
        for (ColourVision.Vision v : ColourVision.Vision.values()) {
            for (TokenRole a : TokenRole.values()) {
                for (TokenRole b : TokenRole.values()) {
                    if (a.ordinal() < b.ordinal()) {
                        double d = ColourVision.distance(RoleColors.of(a), RoleColors.of(b), v);
                        assertTrue(d >= WITHIN, a + " and " + b + " are only " + d + " apart under " + v);
                    }
                }
            }
        }
    }

    @Test
    void componentColoursStayApartUnderEveryVision() {
        for (ColourVision.Vision v : ColourVision.Vision.values()) {
            for (Component a : Component.values()) {
                for (Component b : Component.values()) {
                    if (a.ordinal() < b.ordinal()) {
                        double d = ColourVision.distance(ComponentColors.of(a), ComponentColors.of(b), v);
                        assertTrue(d >= WITHIN, a + " and " + b + " are only " + d + " apart under " + v);
                    }
                }
            }
        }
    }

    @Test
    void rolesAndComponentsAreDisjointAndApart() {
        Set<Integer> components = new HashSet<>();
        for (Component c : Component.values()) {
            components.add(ComponentColors.of(c));
        }
        assertEquals(Component.values().length, components.size(), "one colour per component");
        Set<Integer> roles = new HashSet<>();
        for (TokenRole r : TokenRole.values()) {
            assertTrue(roles.add(RoleColors.of(r)), "one colour per role: " + r);
            assertTrue(!components.contains(RoleColors.of(r)), r + " shares a component's colour");
            for (Component c : Component.values()) {
                for (ColourVision.Vision v : ColourVision.Vision.values()) {
                    double d = ColourVision.distance(RoleColors.of(r), ComponentColors.of(c), v);
                    assertTrue(d >= ACROSS, r + " looks like " + c + " under " + v + " (" + d + ")");
                }
            }
        }
    }

    @Test
    void answerMarksStandApartFromRolesAndComponents() {
        int[] marks = {TokenStripRaster.CORRECT, TokenStripRaster.WRONG};
        for (ColourVision.Vision v : ColourVision.Vision.values()) {
            assertTrue(ColourVision.distance(marks[0], marks[1], v) >= WITHIN, "correct vs wrong under " + v);
            for (int m : marks) {
                for (Component c : Component.values()) {
                    assertTrue(ColourVision.distance(m, ComponentColors.of(c), v) >= WITHIN,
                            Palettes.hex(m) + " looks like " + c + " under " + v);
                }
                for (TokenRole r : TokenRole.values()) {
                    assertTrue(ColourVision.distance(m, RoleColors.of(r), v) >= WITHIN,
                            Palettes.hex(m) + " looks like " + r + " under " + v);
                }
            }
        }
    }

    @Test
    void theDistanceCheckCanFail() {
        // the old collisions: Okabe-Ito orange for values and for KS, vermillion for wrong marks and for LSH
        assertTrue(ColourVision.distance(Palettes.ORANGE, ComponentColors.of(Component.KS),
                ColourVision.Vision.NORMAL) < ACROSS);
        assertTrue(ColourVision.distance(Palettes.VERMILLION, ComponentColors.of(Component.LSH),
                ColourVision.Vision.NORMAL) < WITHIN);
        // red and green that differ plainly for normal vision merge under deuteranopia
        double normal = ColourVision.distance(0xFFCC6666, 0xFF779933, ColourVision.Vision.NORMAL);
        double deut = ColourVision.distance(0xFFCC6666, 0xFF779933, ColourVision.Vision.DEUTERANOPIA);
        assertTrue(normal > 2 * deut, normal + " vs " + deut);
    }

    @Test
    void legendsNameEveryRoleAndComponent() throws Exception {
        List<String> roles = onFx(() -> new TokenLegend().entries());
        for (TokenRole r : RoleColors.LEGEND) {
            assertTrue(roles.contains(RoleColors.label(r)), "role legend lacks " + r);
        }
        assertTrue(roles.contains("correct answer") && roles.contains("wrong answer"));
        List<String> comps = onFx(() -> new ComponentLegend().entries());
        for (Component c : ComponentColors.PRIORITY) {
            assertTrue(comps.contains(c.id()), "component legend lacks " + c.id());
        }
    }
}
