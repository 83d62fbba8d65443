package org.haxlab.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The app module's package structure (docs/ARCHITECTURE.md): no package cycles, and view models that
 * can be driven without a window: they never import a view, a scene-graph node or a chart; and no source
 * file over {@value #MAX_LINES} lines.
 */
class AppArchitectureTest {

    /** The project's limit for one source file: past it a class holds more than one job. */
    static final int MAX_LINES = 400;

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.haxlab.app");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.haxlab.app.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void viewModelsDoNotImportViews() {
        noClasses().that().resideInAPackage("org.haxlab.app.vm..")
                .should().dependOnClassesThat().resideInAnyPackage("org.haxlab.app.ui..", "javafx.scene..",
                        "org.haxlab.viz..", "org.jfree..")
                .because("view models hold state and commands and are tested without a Stage")
                .check(classes);
    }

    @Test
    void commandLineNeedsNoWindow() {
        noClasses().that().resideInAnyPackage("org.haxlab.app.cli..", "org.haxlab.app.table..")
                .should().dependOnClassesThat().resideInAnyPackage("org.haxlab.app.ui..", "org.haxlab.app.vm..")
                .because("the headless commands run where there is no display")
                .check(classes);
    }

    @Test
    void noSourceFileIsLongerThanTheLimit() throws IOException {
        // surefire runs in the module's folder
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> f + " (" + lines(f) + " lines)").sorted().toList();
            assertEquals(List.of(), tooLong, "split these along a seam: at most " + MAX_LINES + " lines a file");
        }
    }

    private static long lines(Path f) {
        try (Stream<String> l = Files.lines(f)) {
            return l.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
