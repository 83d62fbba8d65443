package org.haxlab.model;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The model module's package structure (docs/ARCHITECTURE.md): no package cycles, no JavaFX or upper
 * module, and the leaf packages ({@code nd}, {@code trace}, {@code json}) import nothing else of HAX Lab.
 */
class ModelArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.haxlab.model");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.haxlab.model.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void modelNeverTouchesJavaFxOrTheUpperModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.haxlab.viz..", "org.haxlab.app..")
                .because("the model runs headless (CLI, benchmarks) and the views depend on it, not the other way")
                .check(classes);
    }

    @Test
    void ndTraceAndJsonAreLeaves() {
        for (String leaf : List.of("org.haxlab.model.nd", "org.haxlab.model.trace", "org.haxlab.model.json")) {
            noClasses().that().resideInAPackage(leaf + "..")
                    .should().dependOnClassesThat(resideInAPackage("org.haxlab.model..").and(not(resideInAPackage(leaf + ".."))))
                    .because("every other model package builds on them")
                    .check(classes);
        }
    }

    @Test
    void onlyInspectionAndTrainingSitAboveTheNetwork() {
        noClasses().that().resideInAnyPackage("org.haxlab.model.task..", "org.haxlab.model.sparse..", "org.haxlab.model.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.haxlab.model.inspect..", "org.haxlab.model.train..")
                .check(classes);
    }
}
