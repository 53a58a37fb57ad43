package io.tumorboard.board.store;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import io.tumorboard.model.cases.Severity;
import io.tumorboard.model.cases.StageBasis;
import io.tumorboard.model.cases.StageDescriptor;
import io.tumorboard.model.cases.StageObservation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes cases through the case store's own table layout, exactly as the pipeline's writer does (a version row
 * in {@code patient_case} and the {@code current_case} pointer in one transaction). The workbench uses it only
 * to seed demo and test data; the pipeline is the writer in production.
 */
@Component
public class CaseStoreWriter {

    private final JdbcClient jdbc;
    private final CaseCodec codec = new CaseCodec(CaseCodec.UnknownFields.REJECT);

    public CaseStoreWriter(JdbcClient jdbc, MigratedSchemas migrated) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void write(PatientCase c, String displayIdentity) {
        jdbc.sql("""
                INSERT INTO patient_case (case_key, case_version, site, schema_version, assembled_at, primary_site,
                  histology, clinical_stage, pathological_stage, flag_count, critical_flag_count, has_imaging,
                  has_pathology, has_clinical, case_json, stored_at)
                VALUES (:key, :version, :site, :schema, :assembled, :primarySite, :histology, :cStage, :pStage,
                  :flags, :critical, :imaging, :pathology, :clinical, :json, :stored)
                """)
                .param("key", c.caseKey()).param("version", c.caseVersion()).param("site", c.site())
                .param("schema", c.schemaVersion())
                .param("assembled", c.assembledAt() == null ? null : Timestamp.from(c.assembledAt()))
                .param("primarySite", c.primaryCancer() == null ? null : c.primaryCancer().bodySite())
                .param("histology", c.primaryCancer() == null ? null : c.primaryCancer().histology())
                .param("cStage", newestGroup(c, StageBasis.CLINICAL))
                .param("pStage", newestGroup(c, StageBasis.PATHOLOGICAL))
                .param("flags", c.flags().size())
                .param("critical", (int) c.flags().stream().filter(f -> f.severity() == Severity.CRITICAL).count())
                .param("imaging", c.modalities().imaging()).param("pathology", c.modalities().pathology())
                .param("clinical", c.modalities().clinical())
                .param("json", codec.encode(c)).param("stored", Timestamp.from(Instant.now()))
                .update();
        int moved = jdbc.sql("UPDATE current_case SET case_version = :version WHERE case_key = :key")
                .param("version", c.caseVersion()).param("key", c.caseKey()).update();
        if (moved == 0) {
            jdbc.sql("INSERT INTO current_case (case_key, case_version, site) VALUES (:key, :version, :site)")
                    .param("key", c.caseKey()).param("version", c.caseVersion()).param("site", c.site()).update();
        }
        if (displayIdentity != null) {
            jdbc.sql("DELETE FROM patient_display_identity WHERE case_key = :key").param("key", c.caseKey()).update();
            jdbc.sql("INSERT INTO patient_display_identity (case_key, site, display_id) VALUES (:key, :site, :id)")
                    .param("key", c.caseKey()).param("site", c.site()).param("id", displayIdentity).update();
        }
    }

    private static String newestGroup(PatientCase c, StageBasis basis) {
        return c.staging().stream()
                .filter(s -> s.basis() == basis && s.descriptor() == StageDescriptor.GROUP)
                .max(Comparator.comparing(StageObservation::date, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(StageObservation::value).orElse(null);
    }
}
