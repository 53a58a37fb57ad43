package io.tumorboard.board.store;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.CaseFormatException;
import io.tumorboard.model.cases.PatientCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the newest version of each case from the case store. A stored case that no longer decodes is reported
 * with its key and version, never skipped: a board must not silently lose a patient.
 */
@Repository
public class CaseStore {

    private static final String SUMMARY_COLUMNS = """
            p.case_key, p.case_version, p.site, p.primary_site, p.histology, p.clinical_stage,
            p.pathological_stage, p.flag_count, p.critical_flag_count, p.has_imaging, p.has_pathology,
            p.has_clinical, p.assembled_at
            """;

    private final JdbcClient jdbc;
    /** About 20-50 kB of heap per decoded case: a site's board works on far fewer cases at a time. */
    static final int DECODED_VERSIONS = 2_000;

    private final CaseCodec codec = new CaseCodec(CaseCodec.UnknownFields.KEEP);
    private final Map<CaseVersion, PatientCase> decoded = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CaseVersion, PatientCase> eldest) {
                    return size() > DECODED_VERSIONS;
                }
            });

    /** One version of one case: versions are immutable, so this names its content. */
    private record CaseVersion(String caseKey, long version) {
    }

    public CaseStore(JdbcClient jdbc, MigratedSchemas migrated) {
        this.jdbc = jdbc;
    }

    /** The current cases whose site, histology or stage contains the text (all when blank), newest first. */
    public List<CaseSummary> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            // Every case page asks for this list (similar-case candidates): five LIKE '%%' per row cost it half
            // its time on a 1,200-case store.
            return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                    FROM current_case c JOIN patient_case p
                      ON p.case_key = c.case_key AND p.case_version = c.case_version
                    ORDER BY p.critical_flag_count DESC, p.flag_count DESC, p.case_key
                    FETCH FIRST :limit ROWS ONLY
                    """)
                    .param("limit", limit)
                    .query(CaseStore::summary)
                    .list();
        }
        String like = "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                FROM current_case c JOIN patient_case p
                  ON p.case_key = c.case_key AND p.case_version = c.case_version
                WHERE LOWER(COALESCE(p.primary_site, '')) LIKE :like
                   OR LOWER(COALESCE(p.histology, '')) LIKE :like
                   OR LOWER(COALESCE(p.clinical_stage, '')) LIKE :like
                   OR LOWER(COALESCE(p.pathological_stage, '')) LIKE :like
                   OR LOWER(p.case_key) LIKE :like
                ORDER BY p.critical_flag_count DESC, p.flag_count DESC, p.case_key
                FETCH FIRST :limit ROWS ONLY
                """)
                .param("like", like).param("limit", limit)
                .query(CaseStore::summary)
                .list();
    }

    /** The current cases of exactly this histology (ignoring case), by key: the candidates for the stage rule. */
    public List<CaseSummary> withHistology(String histology, int limit) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                FROM current_case c JOIN patient_case p
                  ON p.case_key = c.case_key AND p.case_version = c.case_version
                WHERE LOWER(p.histology) = :histology
                ORDER BY p.case_key
                FETCH FIRST :limit ROWS ONLY
                """)
                .param("histology", histology.trim().toLowerCase(Locale.ROOT)).param("limit", limit)
                .query(CaseStore::summary)
                .list();
    }

    public Optional<CaseSummary> summary(String caseKey) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                FROM current_case c JOIN patient_case p
                  ON p.case_key = c.case_key AND p.case_version = c.case_version
                WHERE c.case_key = :key
                """).param("key", caseKey).query(CaseStore::summary).optional();
    }

    /**
     * The newest version of the case. Decoded case versions are kept (at most {@value #DECODED_VERSIONS}, least
     * recently read dropped first): a version never changes once written, a new pipeline run writes a new one,
     * and decoding the JSON was the largest part of the case page's own work after rendering.
     */
    public PatientCase current(String caseKey) {
        long version = jdbc.sql("SELECT case_version FROM current_case WHERE case_key = :key")
                .param("key", caseKey).query(Long.class).optional()
                .orElseThrow(() -> new CaseNotFoundException(caseKey));
        return version(caseKey, version);
    }

    /** One stored version of a case (e.g. the one a {@link CaseSummary} names), decoded once and kept. */
    public PatientCase version(String caseKey, long version) {
        CaseVersion key = new CaseVersion(caseKey, version);
        PatientCase cached = decoded.get(key);
        if (cached != null) {
            return cached;
        }
        String json = jdbc.sql("SELECT case_json FROM patient_case WHERE case_key = :key AND case_version = :v")
                .param("key", caseKey).param("v", version).query(String.class).optional()
                .orElseThrow(() -> new CaseNotFoundException(caseKey));
        try {
            PatientCase c = codec.decode(json, version);
            decoded.put(key, c);
            return c;
        } catch (CaseFormatException e) {
            throw new IllegalStateException("case " + caseKey + " version " + version
                    + " in the case store cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * How many current cases there are and the sum of their current versions. A pipeline's write either adds a
     * case or moves a case's current version forward ({@code current_case} never moves back), so any write since
     * the last call changes this pair: what was derived from the whole store may be kept as long as it stays the
     * same. One aggregate over {@code current_case}, which holds one short row per patient.
     */
    public CurrentCases currentCases() {
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(case_version), 0) FROM current_case")
                .query((rs, n) -> new CurrentCases(rs.getLong(1), rs.getLong(2))).single();
    }

    /**
     * The state of the current cases (see {@link #currentCases()}).
     *
     * @param count current cases
     * @param versionSum the sum of their current versions
     */
    public record CurrentCases(long count, long versionSum) {
    }

    /** The site's display identity for a key, if the site recorded one. */
    public Optional<String> displayIdentity(String caseKey) {
        return jdbc.sql("SELECT display_id FROM patient_display_identity WHERE case_key = :key")
                .param("key", caseKey).query(String.class).optional();
    }

    private static CaseSummary summary(ResultSet rs, int rowNum) throws SQLException {
        Timestamp assembled = rs.getTimestamp("assembled_at");
        return new CaseSummary(rs.getString("case_key"), rs.getLong("case_version"), rs.getString("site"),
                rs.getString("primary_site"), rs.getString("histology"), rs.getString("clinical_stage"),
                rs.getString("pathological_stage"), rs.getInt("flag_count"), rs.getInt("critical_flag_count"),
                rs.getBoolean("has_imaging"), rs.getBoolean("has_pathology"), rs.getBoolean("has_clinical"),
                assembled == null ? null : assembled.toInstant());
    }
}
