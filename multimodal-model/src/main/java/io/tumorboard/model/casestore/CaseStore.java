package io.tumorboard.model.casestore;

import io.tumorboard.model.cases.CaseCodec;
import io.tumorboard.model.cases.PatientCase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The case store over one JDBC connection: idempotent case upserts with {@code current_case} kept in the same
 * transaction, display identities, dead letters and run counts. One instance per writer thread (a Flink sink
 * subtask, a workbench request scope); methods are synchronized so a shared instance is still safe.
 *
 * <p>Idempotence is by insert-if-absent on the primary and unique keys rather than by vendor MERGE syntax, so the
 * same SQL runs on H2 and PostgreSQL: a replay writes nothing new and {@code current_case} never moves back.
 */
public final class CaseStore implements AutoCloseable {

    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final CaseCodec codec = new CaseCodec(CaseCodec.UnknownFields.KEEP);
    private final Clock clock;

    CaseStore(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Migrates the schema at {@code jdbcUrl} (Flyway, {@code db/casestore}) and opens a store on it. */
    public static CaseStore open(String jdbcUrl, String user, String password) {
        migrate(jdbcUrl, user, password);
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
            connection.setAutoCommit(false);
            return new CaseStore(connection, Clock.systemUTC());
        } catch (SQLException e) {
            throw new CaseStoreException("cannot connect to the case store at " + redacted(jdbcUrl), e);
        }
    }

    /** Applies pending migrations; safe to call from every process that opens the store. */
    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .table("casestore_schema_history")
                .locations("classpath:db/casestore")
                .load()
                .migrate();
    }

    /**
     * Stores one case version unless that (case key, version) is already stored, and moves {@code current_case}
     * to it when it is newer than the current one. Returns whether a new row was written.
     */
    public synchronized boolean upsert(PatientCase patientCase) {
        return upsertAll(List.of(patientCase)) == 1;
    }

    /**
     * {@link #upsert} for several case versions in one transaction: a writer that commits once per batch
     * instead of once per case spares the database a durable commit (a disk write on H2) for every case. All
     * are stored or, on an error, none. Returns how many new rows were written.
     */
    public synchronized int upsertAll(List<PatientCase> cases) {
        PatientCase current = null;
        try {
            int inserted = 0;
            for (PatientCase patientCase : cases) {
                current = patientCase;
                inserted += insertVersion(patientCase) ? 1 : 0;
                advanceCurrent(patientCase);
            }
            connection.commit();
            return inserted;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot store case " + current.caseKey() + " version "
                    + current.caseVersion() + (cases.size() > 1 ? " (nor the " + (cases.size() - 1)
                    + " other case versions of its transaction)" : ""), e);
        }
    }

    /** Records the site's own display identifier of a pseudonymous key (kept at the site only). */
    public synchronized void rememberDisplayIdentity(String caseKey, String site, String displayId) {
        rememberDisplayIdentities(site, Map.of(caseKey, displayId));
    }

    /** {@link #rememberDisplayIdentity} for several keys of one site, in one transaction. */
    public synchronized void rememberDisplayIdentities(String site, Map<String, String> displayIdByCaseKey) {
        String caseKey = null;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE patient_display_identity SET display_id = ?, site = ? WHERE case_key = ?")) {
            for (Map.Entry<String, String> identity : displayIdByCaseKey.entrySet()) {
                caseKey = identity.getKey();
                update.setString(1, identity.getValue());
                update.setString(2, site);
                update.setString(3, caseKey);
                if (update.executeUpdate() == 0) {
                    insertIgnoringDuplicate("INSERT INTO patient_display_identity (case_key, site, display_id) "
                            + "VALUES (?, ?, ?)", caseKey, site, identity.getValue());
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot store the display identity of case " + caseKey, e);
        }
    }

    /** Stores a dead letter once per (run, file, line); returns whether it was new. */
    public synchronized boolean addDeadLetter(DeadLetter letter) {
        return addDeadLetters(List.of(letter)) == 1;
    }

    /** {@link #addDeadLetter} for several letters in one transaction; returns how many were new. */
    public synchronized int addDeadLetters(List<DeadLetter> letters) {
        DeadLetter letter = null;
        try {
            int inserted = 0;
            for (DeadLetter each : letters) {
                letter = each;
                inserted += insertIgnoringDuplicate("INSERT INTO dead_letter (run_id, site, source_file, "
                        + "line_number, reason_code, reason, raw_base64) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        letter.runId(), letter.site(), letter.sourceFile(), letter.lineNumber(), letter.reasonCode(),
                        letter.storedReason(), letter.rawBase64()) ? 1 : 0;
            }
            connection.commit();
            return inserted;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot store the dead letter of " + letter.sourceFile() + " line "
                    + letter.lineNumber(), e);
        }
    }

    /** Opens a run (idempotent: a restarted run keeps its first start time). */
    public synchronized void startRun(String runId, String site) {
        try {
            insertIgnoringDuplicate("INSERT INTO pipeline_run (run_id, site, started_at) VALUES (?, ?, ?)",
                    runId, site, Timestamp.from(clock.instant()));
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot start run " + runId, e);
        }
    }

    /** Closes a run with its final counts, replacing any earlier counts of the same run. */
    public synchronized void finishRun(PipelineRun counts) {
        try {
            PipelineRunRows.finish(connection, counts, clock.instant());
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot finish run " + counts.runId(), e);
        }
    }

    /** The newest version of every case of a site, ordered by case key. */
    public synchronized List<PatientCase> currentCases(String site) {
        return queryCases("SELECT p.case_json FROM current_case c JOIN patient_case p "
                + "ON p.case_key = c.case_key AND p.case_version = c.case_version WHERE c.site = ? "
                + "ORDER BY c.case_key", site);
    }

    /** One stored version of a case. */
    public synchronized Optional<PatientCase> caseVersion(String caseKey, long version) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT case_json FROM patient_case WHERE case_key = ? AND case_version = ?")) {
            query.setString(1, caseKey);
            query.setLong(2, version);
            try (ResultSet rows = query.executeQuery()) {
                Optional<PatientCase> found = rows.next()
                        ? Optional.of(codec.decode(rows.getString(1), 1)) : Optional.empty();
                connection.commit();
                return found;
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot read case " + caseKey + " version " + version, e);
        }
    }

    /** The current version of a case, if it is stored. */
    public synchronized Optional<Long> currentVersion(String caseKey) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT case_version FROM current_case WHERE case_key = ?")) {
            query.setString(1, caseKey);
            try (ResultSet rows = query.executeQuery()) {
                Optional<Long> found = rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
                connection.commit();
                return found;
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot read the current version of case " + caseKey, e);
        }
    }

    /** How many versions of cases are stored for a site. */
    public synchronized long storedVersionCount(String site) {
        return count("SELECT COUNT(*) FROM patient_case WHERE site = ?", site);
    }

    /** The display identifier of a key at this site, if known. */
    public synchronized Optional<String> displayIdentity(String caseKey) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT display_id FROM patient_display_identity WHERE case_key = ?")) {
            query.setString(1, caseKey);
            try (ResultSet rows = query.executeQuery()) {
                Optional<String> found = rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                connection.commit();
                return found;
            }
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot read the display identity of case " + caseKey, e);
        }
    }

    /** The dead letters of one run, in file and line order. */
    public synchronized List<DeadLetter> deadLetters(String runId) {
        try (PreparedStatement query = connection.prepareStatement("SELECT run_id, site, source_file, line_number, "
                + "reason_code, reason, raw_base64 FROM dead_letter WHERE run_id = ? "
                + "ORDER BY source_file, line_number")) {
            query.setString(1, runId);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    letters.add(new DeadLetter(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
            connection.commit();
            return letters;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot read the dead letters of run " + runId, e);
        }
    }

    /** The counts of one run, if it was started. */
    public synchronized Optional<PipelineRun> run(String runId) {
        try {
            Optional<PipelineRun> found = PipelineRunRows.read(connection, runId);
            connection.commit();
            return found;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot read run " + runId, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CaseStoreException("cannot close the case store connection", e);
        }
    }

    private boolean insertVersion(PatientCase c) throws SQLException {
        CaseSummary summary = CaseSummary.of(c);
        return insertIgnoringDuplicate("INSERT INTO patient_case (case_key, case_version, site, schema_version, "
                + "assembled_at, primary_site, histology, clinical_stage, pathological_stage, flag_count, "
                + "critical_flag_count, has_imaging, has_pathology, has_clinical, case_json, stored_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.caseKey(), c.caseVersion(), c.site(), c.schemaVersion(),
                c.assembledAt() == null ? null : Timestamp.from(c.assembledAt()),
                summary.primarySite(), summary.histology(), summary.clinicalStage(), summary.pathologicalStage(),
                c.flags().size(), summary.criticalFlags(), c.modalities().imaging(), c.modalities().pathology(),
                c.modalities().clinical(), codec.encode(c), Timestamp.from(clock.instant()));
    }

    private void advanceCurrent(PatientCase c) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE current_case SET case_version = ?, site = ? WHERE case_key = ? AND case_version < ?")) {
            update.setLong(1, c.caseVersion());
            update.setString(2, c.site());
            update.setString(3, c.caseKey());
            update.setLong(4, c.caseVersion());
            if (update.executeUpdate() == 0 && count("SELECT COUNT(*) FROM current_case WHERE case_key = ?",
                    c.caseKey()) == 0) {
                insertIgnoringDuplicate("INSERT INTO current_case (case_key, case_version, site) VALUES (?, ?, ?)",
                        c.caseKey(), c.caseVersion(), c.site());
            }
        }
    }

    /**
     * Inserts a row unless its key exists. A savepoint keeps the transaction usable after the violation, which
     * PostgreSQL otherwise aborts.
     */
    private boolean insertIgnoringDuplicate(String sql, Object... values) throws SQLException {
        var savepoint = connection.setSavepoint();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    private List<PatientCase> queryCases(String sql, String parameter) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<PatientCase> cases = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cases.add(codec.decode(rows.getString(1), rows.getRow()));
                }
            }
            connection.commit();
            return cases;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new CaseStoreException("cannot read the cases of site " + parameter, e);
        }
    }

    private long count(String sql, String parameter) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new CaseStoreException("cannot count rows for " + parameter, e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The original failure is what the caller needs to see.
        }
    }

    /** A JDBC URL without its password parameter, for error messages. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
