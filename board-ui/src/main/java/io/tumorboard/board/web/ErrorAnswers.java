package io.tumorboard.board.web;

import io.tumorboard.board.store.CaseNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place domain errors become HTTP answers: an unknown record is 404 and bad input 400, each with a
 * clear message and no stack trace. Decision conflicts are answered by the decision controller itself, which
 * re-shows the form with the other person's version.
 */
@ControllerAdvice
class ErrorAnswers {

    @ExceptionHandler(CaseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView caseNotFound(CaseNotFoundException e) {
        return problem("Not found", e.getMessage());
    }

    @ExceptionHandler(RecordNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(RecordNotFoundException e) {
        return problem("Not found", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ModelAndView badInput(IllegalArgumentException e) {
        return problem("Cannot do that", e.getMessage());
    }

    private static ModelAndView problem(String title, String message) {
        ModelAndView view = new ModelAndView("problem");
        view.addObject("title", title);
        view.addObject("message", message);
        return view;
    }
}
