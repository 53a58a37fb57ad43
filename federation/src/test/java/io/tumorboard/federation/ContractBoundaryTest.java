package io.tumorboard.federation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.tumorboard.federation.v1.FederationProto;
import io.tumorboard.federation.v1.ResultHeader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
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

    @Test
    void calibrationCountsReachTheContractOnlyMasked() {
        // The site masks its counts before they leave the site package; the transport, the contract and the run's
        // domain types see masked words (MaskedCounts) only, never the counts themselves.
        noClasses().that().resideInAnyPackage("io.tumorboard.federation.transport..", "io.tumorboard.federation.v1..",
                        "io.tumorboard.federation.run..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.tumorboard.federation.calibration.GroupAggregate")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("io.tumorboard.federation.calibration.CountVector")
                .check(MAIN);
    }

    @Test
    void theOnlyIntegerListsASiteSendsAreMaskedWordsAndTensorShapes() {
        // Every message a site sends, followed into its fields: a list of counts in clear (a histogram, a life
        // table) would show up here as a repeated integer field.
        Set<String> integerLists = new TreeSet<>();
        Deque<Descriptor> toVisit = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        FederationProto.getDescriptor().findServiceByName("FederationCoordinator").getMethods()
                .forEach(m -> toVisit.add(m.getInputType()));
        while (!toVisit.isEmpty()) {
            Descriptor message = toVisit.pop();
            if (!seen.add(message.getFullName())) {
                continue;
            }
            for (FieldDescriptor f : message.getFields()) {
                if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    toVisit.add(f.getMessageType());
                } else if (f.isRepeated() && (f.getJavaType() == FieldDescriptor.JavaType.INT
                        || f.getJavaType() == FieldDescriptor.JavaType.LONG)) {
                    integerLists.add(f.getFullName() + ":" + f.getType());
                }
            }
        }

        assertThat(integerLists).containsExactly("tumorboard.federation.v1.MaskedCounts.values:FIXED64",
                "tumorboard.federation.v1.TensorSpec.shape:INT64");
        DescriptorProto header = ResultHeader.getDescriptor().toProto();
        assertThat(header.getReservedNameList()).as("the fields that once carried counts in clear")
                .contains("risk_histogram", "calibration_groups");
        assertThat(header.getReservedRangeList()).anySatisfy(r -> assertThat(r.getStart()).isEqualTo(9));
    }
}
