package io.tumorboard.board.store;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * The case store's V1 migration declares its JSON and raw-bytes columns as {@code CLOB}, which H2 knows and
 * PostgreSQL does not. Before that migration runs on PostgreSQL this creates a {@code clob} domain over
 * {@code text} (unbounded, what CLOB means), so the shared migration runs unchanged on both databases.
 */
final class PostgresClobDomain implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            if (!context.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return;
            }
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute("DO $$ BEGIN "
                        + "IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'clob') THEN "
                        + "CREATE DOMAIN clob AS text; END IF; END $$");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the clob domain the case store needs on PostgreSQL", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "postgres-clob-domain";
    }
}
