package org.haxlab.app.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grid axes, their combinations, run names and train arguments, and clear errors for bad grids. */
class SweepGridTest {

    @TempDir
    Path tmp;

    private static Map<String, List<String>> axes(String... items) {
        return SweepGrid.parseAxes(List.of(items), List.of(items).stream().map(i -> "--grid " + i).toList());
    }

    @Test
    void everyCombinationTheLastAxisFastest() {
        SweepGrid g = new SweepGrid(axes("backbone=mamba1,mamba2", "lr=1e-3,3e-3,1e-2"), List.of("--steps", "10"));
        List<SweepGrid.Config> c = g.configs();
        assertEquals(6, c.size());
        assertEquals("backbone=mamba1_lr=1e-3", c.get(0).name());
        assertEquals("backbone=mamba1_lr=3e-3", c.get(1).name());
        assertEquals("backbone=mamba2_lr=1e-2", c.get(5).name());
        assertEquals(6, c.stream().map(SweepGrid.Config::name).distinct().count());
    }

    @Test
    void trainArgumentsAreTheSharedOnesThenTheAxesThenTheFolder() {
        SweepGrid g = new SweepGrid(axes("pattern=ssm", "double-width=true,false", "d-model=32"), List.of("--steps", "10"));
        Path dir = tmp.resolve("runs/x");
        List<String> on = g.trainArgs(g.configs().get(0), Set.of("double-width"), dir, false);
        assertEquals(List.of("--steps", "10", "--pattern", "ssm", "--double-width", "--d-model", "32", "--out",
                dir.toAbsolutePath().toString()), on);
        List<String> off = g.trainArgs(g.configs().get(1), Set.of("double-width"), dir, true);
        assertEquals(List.of("--steps", "10", "--pattern", "ssm", "--d-model", "32", "--out",
                dir.toAbsolutePath().toString(), "--resume"), off);
        SweepGrid bad = new SweepGrid(axes("double-width=yes"), List.of());
        String msg = assertThrows(IllegalArgumentException.class,
                () -> bad.trainArgs(bad.configs().get(0), Set.of("double-width"), dir, false)).getMessage();
        assertTrue(msg.contains("axis double-width is a flag: its values are true and false, not yes"), msg);
    }

    @Test
    void badGridsSayWhatAndWhere() {
        assertTrue(error("lr").contains("--grid lr: 'lr' is not NAME=V1,V2"));
        assertTrue(error("lr=1e-3,,3e-3").contains("axis lr has an empty value"));
        assertTrue(error("lr=1e-3,1e-3").contains("value 1e-3 is listed twice for axis lr"));
        assertTrue(error("out=a,b").contains("--out is set by the sweep"));
        assertTrue(error("Lr=1").contains("'Lr' is not a train option name"));
        assertTrue(error("lr=1/2").contains("value '1/2' of axis lr may hold only"));
        String twice = assertThrows(IllegalArgumentException.class,
                () -> axes("lr=1", "--lr=2")).getMessage();
        assertTrue(twice.contains("axis lr is given twice"), twice);
        String none = assertThrows(IllegalArgumentException.class, () -> new SweepGrid(Map.of(), List.of())).getMessage();
        assertTrue(none.contains("the sweep has no axis"), none);
        String reserved = assertThrows(IllegalArgumentException.class,
                () -> new SweepGrid(axes("lr=1"), List.of("--device", "gpu"))).getMessage();
        assertTrue(reserved.contains("train argument --device is set by the sweep"), reserved);
    }

    @Test
    void aGridFileNamesTheLineOfAnError() throws Exception {
        Path f = tmp.resolve("grid.txt");
        Files.writeString(f, "# the zoo\nbackbone=mamba1,mamba2\n\nseed=0,1\n");
        Map<String, List<String>> a = SweepGrid.readFile(f);
        assertEquals(List.of("backbone", "seed"), List.copyOf(a.keySet()));
        Files.writeString(f, "backbone=mamba1\nseed 0,1\n");
        String msg = assertThrows(IllegalArgumentException.class, () -> SweepGrid.readFile(f)).getMessage();
        assertTrue(msg.contains("grid.txt line 2: 'seed 0,1' is not NAME=V1,V2"), msg);
    }

    private static String error(String item) {
        return assertThrows(IllegalArgumentException.class, () -> axes(item)).getMessage();
    }
}
