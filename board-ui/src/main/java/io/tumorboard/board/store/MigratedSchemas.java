package io.tumorboard.board.store;

/**
 * A marker bean that exists once both schemas are migrated; repositories depend on it so no query can run on a
 * database that is still being migrated.
 */
public final class MigratedSchemas {
    MigratedSchemas() {
    }
}
