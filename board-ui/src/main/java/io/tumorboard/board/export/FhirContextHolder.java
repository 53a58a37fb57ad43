package io.tumorboard.board.export;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** One R4 {@link FhirContext} per JVM: building one costs about 2 s, so it is created once, on first export. */
@Configuration(proxyBeanMethods = false)
class FhirContextHolder {

    @Bean
    @Lazy
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }
}
