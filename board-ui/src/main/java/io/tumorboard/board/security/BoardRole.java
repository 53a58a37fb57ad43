package io.tumorboard.board.security;

/** The roles a tumor board's workbench knows. */
public enum BoardRole {
    /** Oncologists, radiologists, pathologists and surgeons who present and discuss cases. */
    BOARD_MEMBER,
    /** Chairs and coordinates a meeting: builds the agenda, signs decisions off. */
    CHAIR,
    /** Looks after data quality and the models; sees cases only under their pseudonymous key. */
    DATA_SCIENTIST,
    /** Manages users and reads the audit log; sees no patient data. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
