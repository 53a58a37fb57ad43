package io.tumorboard.board.api;

import io.tumorboard.board.decision.DecisionConflictException;
import io.tumorboard.board.store.CaseNotFoundException;
import io.tumorboard.board.web.RecordNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's errors as RFC 9457 problem details, never as HTML or a stack trace. */
@RestControllerAdvice(assignableTypes = {BoardApiController.class, BoardApiWriteController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAnswers {

    @ExceptionHandler({CaseNotFoundException.class, RecordNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A stale revision, lock version or case version: nothing was changed; the detail says by whom and when. */
    @ExceptionHandler(DecisionConflictException.class)
    ProblemDetail conflict(DecisionConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
