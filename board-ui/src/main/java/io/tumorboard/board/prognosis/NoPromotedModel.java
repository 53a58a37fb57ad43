package io.tumorboard.board.prognosis;

import io.tumorboard.model.cases.PatientCase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The prognosis source while no model is promoted: it says so for every case. A real source (the learning
 * module's promoted model) replaces it by being declared as a {@link PrognosisSource} bean.
 */
public final class NoPromotedModel implements PrognosisSource {

    static final String EXPLANATION = "No model promoted yet: the federated prognosis model has not been trained "
            + "and promoted at this site, so no survival estimate is shown.";

    @Override
    public Prognosis forCase(PatientCase patientCase) {
        return new Prognosis.NoModelPromoted(EXPLANATION);
    }

    @Configuration(proxyBeanMethods = false)
    static class Fallback {
        @Bean
        @ConditionalOnMissingBean(PrognosisSource.class)
        PrognosisSource noPromotedModel() {
            return new NoPromotedModel();
        }
    }
}
