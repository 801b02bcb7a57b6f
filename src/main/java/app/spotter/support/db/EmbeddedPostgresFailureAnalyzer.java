package app.spotter.support.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints why the embedded PostgreSQL did not start as Spring Boot's short failure report, not a stack trace. */
class EmbeddedPostgresFailureAnalyzer extends AbstractFailureAnalyzer<StartFailure> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartFailure cause) {
        return new FailureAnalysis("The embedded PostgreSQL did not start: " + cause.getMessage(),
                "Fix the cause above and start Spotter again. PostgreSQL's own log is in <data dir>/postgres/log; "
                        + "settings are described in docs/operations.md.", cause);
    }
}
