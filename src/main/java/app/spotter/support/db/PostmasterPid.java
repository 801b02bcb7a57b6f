package app.spotter.support.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The first lines of {@code postmaster.pid}, which PostgreSQL writes into its data directory while it runs: pid,
 * data directory, start time, port, socket directory, listen address, shared memory key, status ("starting",
 * "ready", "stopping"). See PostgreSQL's {@code pidfile.h}.
 */
record PostmasterPid(long pid, String dataDirectory, int port, String status) {

    static final String FILE = "postmaster.pid";

    static Optional<PostmasterPid> read(Path dataDirectory) throws IOException {
        try {
            return parse(Files.readAllLines(dataDirectory.resolve(FILE)));
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    /** Empty for a file cut short (the server is still writing it, or died while doing so). */
    static Optional<PostmasterPid> parse(List<String> lines) {
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            String status = lines.size() > 7 ? lines.get(7).trim() : "";
            return pid > 0 ? Optional.of(new PostmasterPid(pid, lines.get(1).trim(), port, status))
                    : Optional.empty();
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
    }

    boolean ready() {
        return "ready".equals(status);
    }
}
