package io.tumorboard.board.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The workbench's house rules, checked on its compiled classes. */
class BoardArchitectureTest {

    private static JavaClasses board;

    @BeforeAll
    static void importBoard() {
        board = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tumorboard.board");
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().notBePublic().check(board);
    }

    @Test
    void onlyTheModelPanelTouchesTheLearningModule() {
        noClasses().that().resideOutsideOfPackage("io.tumorboard.board.prognosis..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tumorboard.model.learning..", "org.nd4j..",
                        "org.deeplearning4j..")
                .check(board);
    }

    @Test
    void noBoardCodeUsesTheFederationsGeneratedTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tumorboard.federation..", "io.grpc..")
                .check(board);
    }
}
