package io.tumorboard.board;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one configuration every integration test of the workbench runs under, so Spring caches and shares a
 * single application (on a random port, an in-memory H2 in PostgreSQL-free default mode, an empty registry).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:board-it;DB_CLOSE_DELAY=-1",
        "board.models.registry=target/test-model-registry"})
public @interface BoardIntegrationTest {
}
