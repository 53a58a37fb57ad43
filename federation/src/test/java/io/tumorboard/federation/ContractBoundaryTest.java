package io.tumorboard.federation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ContractBoundaryTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tumorboard.federation");

    @Test
    void generatedProtobufClassesAreUsedOnlyByTheTransportEdge() {
        noClasses().that().resideOutsideOfPackages("io.tumorboard.federation.transport", "io.tumorboard.federation.v1")
                .should().dependOnClassesThat().resideInAPackage("io.tumorboard.federation.v1")
                .check(MAIN);
    }

    @Test
    void theCoordinatorAndSiteCoresDoNotDependOnGrpc() {
        noClasses().that().resideInAnyPackage("io.tumorboard.federation.coordinator..", "io.tumorboard.federation.site..",
                        "io.tumorboard.federation.weights..", "io.tumorboard.federation.run..")
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..")
                .check(MAIN);
    }

    @Test
    void patientCasesAreReadOnlyByTheFusionAdapter() {
        noClasses().that().resideOutsideOfPackage("io.tumorboard.federation.fusion")
                .should().dependOnClassesThat().resideInAPackage("io.tumorboard.model.cases..")
                .check(MAIN);
    }

    @Test
    void heldOutCasesRisksAndOutcomesStayAtTheSite() {
        // A case's predicted risk with its outcome is patient-level: only the site builds counts from it; the
        // contract, the coordinator and the registry see counts and sums only.
        noClasses().that().resideInAnyPackage("io.tumorboard.federation.transport..", "io.tumorboard.federation.v1..",
                        "io.tumorboard.federation.coordinator..", "io.tumorboard.federation.registry..",
                        "io.tumorboard.federation.run..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.tumorboard.federation.calibration.HeldOutRisk")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("io.tumorboard.federation.calibration.SiteCalibration")
                .check(MAIN);
    }
}
