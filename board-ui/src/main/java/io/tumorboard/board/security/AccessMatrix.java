package io.tumorboard.board.security;

import static io.tumorboard.board.security.BoardRole.ADMIN;
import static io.tumorboard.board.security.BoardRole.BOARD_MEMBER;
import static io.tumorboard.board.security.BoardRole.CHAIR;
import static io.tumorboard.board.security.BoardRole.DATA_SCIENTIST;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * The one table of who may do what. Clinicians (board members, chairs) work with cases and decisions; only the
 * chair builds agendas and signs decisions; data scientists see cases pseudonymously, data quality and models;
 * the admin manages users, reads the audit log and sees no patient data. Anything not listed is denied.
 */
public final class AccessMatrix {

    static final Set<BoardRole> CLINICIANS = EnumSet.of(BOARD_MEMBER, CHAIR);
    static final Set<BoardRole> CASE_READERS = EnumSet.of(BOARD_MEMBER, CHAIR, DATA_SCIENTIST);
    static final Set<BoardRole> EVERYONE = EnumSet.allOf(BoardRole.class);

    private static final List<AccessRule> RULES = List.of(
            get("/", EVERYONE),
            get("/account/password", EVERYONE),
            post("/account/password", EVERYONE),
            get("/meetings", CASE_READERS),
            get("/meetings/{id}", CASE_READERS),
            post("/meetings", EnumSet.of(CHAIR)),
            post("/meetings/{id}/agenda", EnumSet.of(CHAIR)),
            post("/meetings/{id}/agenda/{itemId}/remove", EnumSet.of(CHAIR)),
            get("/meetings/{id}/present", CLINICIANS),
            get("/meetings/{id}/minutes.pdf", CLINICIANS),
            get("/cases/{key}", CASE_READERS),
            post("/cases/{key}/flags/review", CLINICIANS),
            get("/meetings/{id}/cases/{key}/decision", CLINICIANS),
            post("/meetings/{id}/cases/{key}/decision", CLINICIANS),
            post("/meetings/{id}/cases/{key}/decision/sign", EnumSet.of(CHAIR)),
            get("/decisions/{id}/fhir", CLINICIANS),
            get("/data-quality", EnumSet.of(DATA_SCIENTIST, ADMIN, CHAIR)),
            get("/models", EnumSet.of(DATA_SCIENTIST, ADMIN)),
            post("/models/promote", EnumSet.of(DATA_SCIENTIST, ADMIN)),
            get("/training-runs", EnumSet.of(DATA_SCIENTIST, ADMIN)),
            get("/training-runs/{run}", EnumSet.of(DATA_SCIENTIST, ADMIN)),
            get("/admin/audit", EnumSet.of(ADMIN)),
            get("/admin/users", EnumSet.of(ADMIN)),
            post("/admin/users", EnumSet.of(ADMIN)),
            post("/admin/users/{username}/role", EnumSet.of(ADMIN)),
            post("/admin/users/{username}/disable", EnumSet.of(ADMIN)),
            post("/admin/users/{username}/enable", EnumSet.of(ADMIN)),
            post("/admin/users/{username}/password", EnumSet.of(ADMIN)),
            get("/api/cases", CASE_READERS),
            get("/api/cases/{key}", CASE_READERS),
            get("/api/cases/{key}/prognosis", CASE_READERS),
            get("/api/meetings", CASE_READERS),
            get("/api/meetings/{id}/agenda", CASE_READERS),
            post("/api/meetings", EnumSet.of(CHAIR)),
            post("/api/meetings/{id}/agenda", EnumSet.of(CHAIR)),
            get("/api/meetings/{id}/cases/{key}/decision", CLINICIANS),
            post("/api/meetings/{id}/cases/{key}/decision", CLINICIANS),
            post("/api/meetings/{id}/cases/{key}/decision/sign", EnumSet.of(CHAIR)),
            post("/api/cases/{key}/flags/review", CLINICIANS),
            get("/api/decisions/{id}/fhir", CLINICIANS),
            get("/v3/api-docs", EnumSet.of(DATA_SCIENTIST, ADMIN)),
            get("/v3/api-docs/**", EnumSet.of(DATA_SCIENTIST, ADMIN)),
            get("/swagger-ui.html", EnumSet.of(DATA_SCIENTIST, ADMIN)),
            get("/swagger-ui/**", EnumSet.of(DATA_SCIENTIST, ADMIN)));

    private AccessMatrix() {
    }

    public static List<AccessRule> rules() {
        return RULES;
    }

    /** Whether a role may call this method on this pattern, as the matrix says (false when unlisted). */
    public static boolean allows(HttpMethod method, String pattern, BoardRole role) {
        return RULES.stream()
                .anyMatch(r -> r.method().equals(method) && r.pattern().equals(pattern) && r.roles().contains(role));
    }

    private static AccessRule get(String pattern, Set<BoardRole> roles) {
        return new AccessRule(HttpMethod.GET, pattern, roles);
    }

    private static AccessRule post(String pattern, Set<BoardRole> roles) {
        return new AccessRule(HttpMethod.POST, pattern, roles);
    }
}
