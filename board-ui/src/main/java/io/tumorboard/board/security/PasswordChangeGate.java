package io.tumorboard.board.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a user's password change is due ({@link PasswordChange}), every page but the password page and sign-out
 * redirects to the password page; the REST API answers 403 with the reason (an integration cannot change a
 * password, its owner must sign in once). Runs after authorisation, so it only narrows what the matrix allows.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    private static final Set<String> OPEN = Set.of(PASSWORD_PAGE, "/logout", "/login", "/error", "/favicon.ico");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!PasswordChange.due(SecurityContextHolder.getContext().getAuthentication()) || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (path(request).startsWith("/api/")) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"title\":\"Password change required\",\"status\":403,\"detail\":"
                    + "\"this account's password was set by an admin; its owner must sign in on the workbench and "
                    + "choose their own before the API answers\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + PASSWORD_PAGE + "?required");
    }

    private static boolean open(HttpServletRequest request) {
        String path = path(request);
        return OPEN.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
