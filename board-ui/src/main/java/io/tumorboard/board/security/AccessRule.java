package io.tumorboard.board.security;

import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * One row of the access matrix: requests with this method and path pattern are allowed to these roles.
 *
 * @param method the HTTP method
 * @param pattern a Spring path pattern, e.g. {@code /cases/{key}}
 * @param roles the roles allowed; empty means any signed-in user is refused (nobody)
 */
public record AccessRule(HttpMethod method, String pattern, Set<BoardRole> roles) {

    public AccessRule {
        roles = Set.copyOf(roles);
    }
}
