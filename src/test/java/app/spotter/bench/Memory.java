package app.spotter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Resident memory of Spotter, read from {@code /proc}: the JVM's own VmRSS (the figure the target speaks of), and
 * the proportional set size of the JVM plus its embedded PostgreSQL processes (PSS splits PostgreSQL's shared
 * buffers fairly among its backends instead of counting them once per process).
 */
record Memory(long jvmRssKb, long treePssKb) {

    static Memory of(ProcessHandle jvm) {
        long rss = field(jvm.pid(), "status", "VmRSS:");
        long pss = Stream.concat(Stream.of(jvm), jvm.descendants())
                .mapToLong(p -> field(p.pid(), "smaps_rollup", "Pss:")).sum();
        return new Memory(rss, pss);
    }

    static Memory max(Memory a, Memory b) {
        return new Memory(Math.max(a.jvmRssKb, b.jvmRssKb), Math.max(a.treePssKb, b.treePssKb));
    }

    private static long field(long pid, String file, String name) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), file))) {
            return lines.filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> Long.parseLong(l.substring(name.length()).trim().split("\\s+")[0])).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended between listing and reading
        }
    }

    @Override
    public String toString() {
        return "JVM RSS %d MB, JVM+PostgreSQL PSS %d MB".formatted(jvmRssKb / 1024, treePssKb / 1024);
    }
}
