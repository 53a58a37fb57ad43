package io.tumorboard.pipeline.assembly;

import io.tumorboard.model.cases.CaseFlag;
import io.tumorboard.model.cases.PatientCase;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * The seam to the clinical rules: runs on every case version the assembler emits, and its flags travel with the
 * case. Serializable because Flink ships the assembler (and this) to its task managers.
 */
@FunctionalInterface
public interface CaseRules extends Serializable {

    List<CaseFlag> evaluate(PatientCase patientCase);

    /** Wraps any rule function, e.g. {@code ClinicalRules::evaluate}, built fresh on each task manager. */
    static CaseRules of(SerializableSupplier<Function<PatientCase, List<CaseFlag>>> factory) {
        return new LazyRules(factory);
    }

    /** A supplier Flink can ship; the rules object itself need not be serializable. */
    @FunctionalInterface
    interface SerializableSupplier<T> extends Serializable {
        T get();
    }

    /** Builds the rule function on first use on the task manager. */
    final class LazyRules implements CaseRules {

        private static final long serialVersionUID = 1L;

        private final SerializableSupplier<Function<PatientCase, List<CaseFlag>>> factory;
        private transient Function<PatientCase, List<CaseFlag>> rules;

        LazyRules(SerializableSupplier<Function<PatientCase, List<CaseFlag>>> factory) {
            this.factory = factory;
        }

        @Override
        public List<CaseFlag> evaluate(PatientCase patientCase) {
            if (rules == null) {
                rules = factory.get();
            }
            return rules.apply(patientCase);
        }
    }
}
