package app.spotter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by a process and by its descendants (Spotter's embedded PostgreSQL), read from
 * {@code /proc/PID/stat} (utime + stime, fields 14 and 15, in clock ticks of 10 ms). Differences of two readings
 * say what one leg of a benchmark cost each side, a figure that a busy machine blurs much less than wall time.
 */
record CpuTime(long ownMs, long descendantsMs) {

    private static final long MS_PER_TICK = 10; // USER_HZ is 100 on Linux

    static CpuTime of(ProcessHandle process) {
        return new CpuTime(ms(process.pid()), process.descendants().mapToLong(p -> ms(p.pid())).sum());
    }

    static CpuTime of(long pid) {
        return ProcessHandle.of(pid).map(CpuTime::of).orElse(new CpuTime(0, 0));
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(ownMs - earlier.ownMs, descendantsMs - earlier.descendantsMs);
    }

    private static long ms(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0; // the process ended between listing and reading
        }
    }
}
