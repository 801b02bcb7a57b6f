package app.spotter.support.db;

import java.util.List;

/**
 * Why the embedded PostgreSQL did not start, in one line an operator can act on. Thrown at start; Spring Boot prints
 * it through {@link EmbeddedPostgresFailureAnalyzer} instead of a stack trace.
 */
final class StartFailure extends RuntimeException {

    StartFailure(String reason) {
        super(reason);
    }

    StartFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    /**
     * The reason found in PostgreSQL's start-up output (the lines it writes before its log collector takes over),
     * in the order a person would look: the port, another server on the data, the disk, permissions, then the first
     * FATAL line as PostgreSQL said it.
     */
    static String explain(List<String> startupLog, int port, String dataDirectory) {
        String all = String.join("\n", startupLog);
        if (all.contains("Address already in use")) {
            return "port " + port + " on 127.0.0.1 is taken by another program (set SPOTTER_EMBEDDED_POSTGRES_PORT "
                    + "to a free port)";
        }
        if (all.contains("lock file") && all.contains("already exists")) {
            return "another PostgreSQL server is running on " + dataDirectory + " (its pid is in postmaster.pid)";
        }
        if (all.contains("No space left on device")) {
            return "the disk holding " + dataDirectory + " is full";
        }
        if (all.contains("Permission denied") || all.contains("invalid permissions")
                || all.contains("wrong ownership")) {
            return "permissions: " + firstMatching(startupLog, "Permission denied", "permissions", "ownership");
        }
        String fatal = firstMatching(startupLog, "FATAL", "PANIC", "ERROR");
        return fatal.isEmpty() ? "PostgreSQL stopped during start-up without saying why" : fatal;
    }

    private static String firstMatching(List<String> lines, String... needles) {
        for (String line : lines) {
            for (String needle : needles) {
                if (line.contains(needle)) {
                    return line.strip();
                }
            }
        }
        return "";
    }
}
