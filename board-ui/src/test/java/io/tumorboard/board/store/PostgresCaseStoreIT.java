package io.tumorboard.board.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tumorboard.board.BoardClient;
import io.tumorboard.board.TestBoard;
import io.tumorboard.board.decision.Agreement;
import io.tumorboard.board.decision.DecisionConflictException;
import io.tumorboard.board.decision.DecisionContent;
import io.tumorboard.board.decision.DecisionService;
import io.tumorboard.board.decision.TreatmentIntent;
import io.tumorboard.board.decision.TreatmentModality;
import io.tumorboard.board.demo.DemoCases;
import io.tumorboard.board.meeting.Agenda;
import io.tumorboard.board.meeting.AgendaEntry;
import io.tumorboard.board.meeting.MeetingRepository;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.casestore.ThrowawayPostgres;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole workbench on a real PostgreSQL: both migration sets, case store reads, agenda, decisions, pages. */
@ExtendWith(ThrowawayPostgres.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresCaseStoreIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", ThrowawayPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> ThrowawayPostgres.ROLE);
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CaseStore store;
    @Autowired
    MeetingRepository meetings;
    @Autowired
    Agenda agenda;
    @Autowired
    DecisionService decisions;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void board() {
        TestBoard.prepare(context);
    }

    @Test
    void bothSchemasAreMigratedUnderTheirOwnHistoryTables() {
        assertThat(jdbc.sql("SELECT version FROM casestore_schema_history WHERE success AND version IS NOT NULL")
                .query(String.class).list()).contains("1");
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .query(String.class).list()).contains("1");
        assertThat(jdbc.sql("SELECT current_setting('server_version_num')").query(String.class).single()).isNotBlank();
    }

    @Test
    void casesRoundTripThroughTheCaseStoreAndTheAgendaOrdersThem() {
        PatientCase conflict = DemoCases.all().get(0).patientCase();
        assertThat(store.current(conflict.caseKey())).isEqualTo(conflict);
        assertThat(store.search("adenocarcinoma", 10)).hasSize(3);

        long meeting = meetings.create(LocalDate.of(2026, 12, 9), "Thoracic", "chair", "chair");
        meetings.addToAgenda(meeting, DemoCases.all().get(4).patientCase().caseKey(), "confirm", "chair");
        meetings.addToAgenda(meeting, conflict.caseKey(), "stage?", "chair");
        List<AgendaEntry> ordered = agenda.ordered(meeting);
        assertThat(ordered.get(0).item().caseKey()).isEqualTo(conflict.caseKey());
        assertThat(ordered.get(1).standardOfCare()).isTrue();
    }

    @Test
    void optimisticLockingHoldsOnPostgres() {
        String key = DemoCases.all().get(1).patientCase().caseKey();
        long meeting = meetings.create(LocalDate.of(2026, 12, 9), "Thoracic", "chair", "chair");
        DecisionContent content = new DecisionContent(TreatmentIntent.DIAGNOSTIC, TreatmentModality.FURTHER_DIAGNOSTICS,
                "WHO Surgical Safety Checklist", "laterality unresolved", "Dr. A", Agreement.CONSENSUS, null, null);
        decisions.save(meeting, key, 0, 0, content, "member");
        decisions.save(meeting, key, 1, 0, content, "member2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decisions.save(meeting, key, 1, 0, content, "member"))
                .isInstanceOf(DecisionConflictException.class).hasMessageContaining("member2");
    }

    @Test
    void theCasePageRendersFromPostgres() {
        PatientCase mri = DemoCases.all().get(2).patientCase();
        String page = new BoardClient(port).login("member", TestBoard.PASSWORD).get("/cases/" + mri.caseKey()).body();
        assertThat(page).contains("MRI_UNSAFE_DEVICE", "ASTM F2503", "MRN-100412");
    }
}
