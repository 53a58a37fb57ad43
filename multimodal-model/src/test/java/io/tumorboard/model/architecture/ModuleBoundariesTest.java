package io.tumorboard.model.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The schema and the clinical rules are read by every module; they must not drag in the learning stack. */
class ModuleBoundariesTest {

    private final JavaClasses model = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tumorboard.model");

    @Test
    void caseSchemaAndRulesAreFreeOfNd4jAndDl4j() {
        noClasses().that().resideInAnyPackage("io.tumorboard.model.cases..", "io.tumorboard.model.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .because("the schema and the rules must be usable without the learning stack (STYLE.md)")
                .check(model);
    }

    @Test
    void theBenchReportWriterIsFreeOfNd4jAndDl4j() {
        noClasses().that().resideInAPackage("io.tumorboard.model.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
                .because("every module writes its bench report through it, the pipeline without the learning stack")
                .check(model);
    }

    @Test
    void theModelModuleUsesNoSpringNoGrpcNoFlink() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.grpc..", "org.apache.flink..")
                .because("multimodal-model sits upstream of every other module")
                .check(model);
    }
}
