package io.tumorboard.pipeline.sink;

import io.tumorboard.model.casestore.CaseStore;
import java.io.Serializable;

/**
 * How a writer reaches the case store; shipped to the task managers, which each open their own connection.
 *
 * @param jdbcUrl JDBC URL, e.g. {@code jdbc:h2:file:/data/casestore/site-a} or {@code jdbc:postgresql://...}
 * @param user database user
 * @param password database password (never logged)
 */
public record StoreConnection(String jdbcUrl, String user, String password) implements Serializable {

    public CaseStore open() {
        return CaseStore.open(jdbcUrl, user, password);
    }

    @Override
    public String toString() {
        return "StoreConnection[" + jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***") + "]";
    }
}
