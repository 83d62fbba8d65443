package org.haxlab.viz;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The viz module's package structure (docs/ARCHITECTURE.md): no package cycles, nothing of the app. */
class VizArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.haxlab.viz");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.haxlab.viz.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void vizNeverImportsTheApp() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.haxlab.app..")
                .because("viz nodes draw model records for any host; the app composes them")
                .check(classes);
    }
}
