package io.tumorboard.board.models;

import io.tumorboard.board.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotes a model version from the models page: the audit row is written first and the pointer replaced
 * inside the same transaction, so a failed replacement rolls the audit row back and a recorded promotion
 * always happened. Who may promote is the access matrix's business (data scientists and admins).
 */
@Service
class ModelPromotion {

    private final ModelRegistry registry;
    private final AuditTrail audit;

    ModelPromotion(ModelRegistry registry, AuditTrail audit) {
        this.registry = registry;
        this.audit = audit;
    }

    @Transactional
    void promote(String version, String username) {
        if (!ModelRegistry.isVersion(version)) {
            throw new IllegalArgumentException("not a model version: " + version
                    + " (expected <run-id>/round-<NNNN>)");
        }
        String before = registry.promoted().orElse("none");
        audit.record(username, "MODEL_PROMOTE", "model:" + version, "previously promoted: " + before);
        registry.promote(version);
    }
}
