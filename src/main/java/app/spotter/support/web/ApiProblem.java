package app.spotter.support.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A request Spotter refuses, answered as RFC 9457 {@code application/problem+json}. Thrown by services and
 * controllers; {@link ProblemResponses} turns it into the response. Nothing is changed when one is thrown inside
 * a transaction: it rolls back.
 */
public class ApiProblem extends RuntimeException {

    /** One invalid field: {@code field} uses the API's snake_case name. */
    public record FieldError(String field, String message) {}

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    private ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** 429 with {@code Retry-After} (RFC 6585 4): this client or account must wait before trying again. */
    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, List.of(), retryAfter);
    }

    /** 503 with {@code Retry-After}: the service is saturated for a moment, nothing is wrong with the request. */
    public static ApiProblem busy(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", detail, List.of(), retryAfter);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what + " does not exist.", List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid.";
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Cannot be done", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Whole seconds for a {@code Retry-After} header (rounded up), when the client should come back later. */
    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfter).map(d -> Math.max(1, (d.toMillis() + 999) / 1000));
    }
}
