package io.tumorboard.board.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A REST API call from an integrating system: under {@code /api/}, with HTTP Basic credentials and a JSON body.
 * Such a call is exempt from the CSRF token, and only such a call. A forged cross-site request cannot be one: a
 * page on another site cannot send a JSON body or an {@code Authorization} header without a CORS preflight, which
 * this application never grants. A browser session calling the API still needs the token, and every page keeps it.
 */
final class ApiClientRequest implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        return path.startsWith("/api/") && authorization != null
                && authorization.regionMatches(true, 0, "Basic ", 0, 6) && json(request.getContentType());
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
