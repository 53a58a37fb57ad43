package io.tumorboard.board.casefile;

import io.tumorboard.board.security.BoardRole;
import org.springframework.security.core.Authentication;

/**
 * Who sees the site's display identity beside the pseudonymous key: the clinicians who treat the patient (board
 * members and chairs). Data scientists work with the key only; the admin sees no case at all.
 */
final class DisplayIdentityPolicy {

    private DisplayIdentityPolicy() {
    }

    static boolean allows(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(BoardRole.BOARD_MEMBER.authority())
                        || a.getAuthority().equals(BoardRole.CHAIR.authority()));
    }
}
