package app.spotter.bench;

import java.util.Arrays;
import java.util.Collection;

/** Nearest-rank percentiles of a set of durations in nanoseconds, printed in milliseconds. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles ofNanos(Collection<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    static Percentiles ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, ms(rank(sorted, 50)), ms(rank(sorted, 95)), ms(rank(sorted, 99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return "n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms".formatted(count, p50, p95, p99, max);
    }
}
