package io.tumorboard.board.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the two migration sets on the one database: the case store's (owned by multimodal-model, history table
 * {@code casestore_schema_history}) and the board's own (default history table). Each set baselines at version
 * 0 when it finds the other's tables already there, so the order the pipeline and the workbench first start in
 * does not matter.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

    static final String CASE_STORE_HISTORY = "casestore_schema_history";

    @Bean
    MigratedSchemas migratedSchemas(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/casestore")
                .table(CASE_STORE_HISTORY)
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/board")
                .baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        return new MigratedSchemas();
    }
}
