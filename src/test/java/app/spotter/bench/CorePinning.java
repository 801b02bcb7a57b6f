package app.spotter.bench;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Gives the CalDAV server a core of its own and everything else (Spotter, its PostgreSQL, the benchmark's bare
 * client) the other cores, with {@code taskset}. On a shared machine the server's CPU per PUT rose from 42 to 55 ms
 * with whatever else ran on its core (docs/BENCHMARKS.md, bulk-push); in a deployment the server is another machine.
 * Threads and processes started later inherit the affinity of their parent (a PostgreSQL backend forked by its
 * pinned postmaster, a Radicale request thread).
 */
final class CorePinning {

    private final String serverCore;
    private final String otherCores;

    private CorePinning(int cores) {
        this.serverCore = "0";
        this.otherCores = cores == 2 ? "1" : "1-" + (cores - 1);
    }

    /** Empty when pinning is off, or the machine has one core or no {@code taskset}. */
    static Optional<CorePinning> ifWanted() {
        int cores = Runtime.getRuntime().availableProcessors();
        if (!BenchConfig.pinServer() || cores < 2 || !tasksetWorks()) {
            return Optional.empty();
        }
        return Optional.of(new CorePinning(cores));
    }

    void server(long pid) {
        pin(pid, serverCore);
    }

    /** This benchmark's own JVM (the bare client); its threads only, not the processes it started. */
    void self() {
        pin(ProcessHandle.current().pid(), otherCores);
    }

    /** The process, its threads and its descendants (Spotter's embedded PostgreSQL). */
    void client(long pid) {
        pin(pid, otherCores);
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(child -> pin(child.pid(), otherCores)));
    }

    String describe() {
        return "the server on CPU " + serverCore + "; Spotter, its PostgreSQL and the bare client on CPU " + otherCores;
    }

    private static void pin(long pid, String cores) {
        if (!succeeds(List.of("taskset", "--all-tasks", "--cpu-list", "--pid", cores, Long.toString(pid)))) {
            throw new IllegalStateException("taskset could not pin process " + pid + " to CPU " + cores);
        }
    }

    private static boolean tasksetWorks() {
        return succeeds(List.of("taskset", "--version"));
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
