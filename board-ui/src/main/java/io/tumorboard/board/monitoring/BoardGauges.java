package io.tumorboard.board.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tumorboard.board.store.MigratedSchemas;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the database at scrape time: how many current cases the pipeline has delivered, how many
 * records it rejected, and how many decisions wait for the chair's sign-off. Counts only, never a patient value.
 */
@Component
class BoardGauges implements MeterBinder {

    private final JdbcClient jdbc;

    BoardGauges(JdbcClient jdbc, MigratedSchemas migrated) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "board.cases.current", "cases in the case store (newest version of each)",
                "select count(*) from current_case");
        gauge(registry, "board.pipeline.dead.letters", "records the pipeline rejected, over all runs",
                "select count(*) from dead_letter");
        gauge(registry, "board.decisions.unsigned", "recorded decisions not yet signed off by the chair",
                "select count(*) from board_decision where status = 'DRAFT'");
    }

    private void gauge(MeterRegistry registry, String name, String description, String sql) {
        Gauge.builder(name, jdbc, client -> client.sql(sql).query(Long.class).single().doubleValue())
                .description(description).register(registry);
    }
}
