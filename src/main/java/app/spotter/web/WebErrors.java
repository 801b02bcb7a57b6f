package app.spotter.web;

import app.spotter.support.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Refusals the browser app does not turn into field errors (another trainer's id, a missing page) as an HTML page,
 * ahead of the JSON API's problem+json advice. The page says what happened, never whose data it was.
 */
@ControllerAdvice(basePackageClasses = WebErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

    @ExceptionHandler(ApiProblem.class)
    ModelAndView refused(ApiProblem problem, HttpServletResponse response) {
        return page(response, problem.status().value(), problem.title(), problem.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unexpected error in the browser app", e);
        return page(response, 500, "Something went wrong", "Something went wrong on our side; nothing was changed.");
    }

    private static ModelAndView page(HttpServletResponse response, int status, String error, String message) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error");
        page.addObject("status", status);
        page.addObject("error", error);
        page.addObject("message", message);
        return page;
    }
}
