package app.spotter.bench;

import java.io.PrintStream;

/** One benchmark of {@code scripts/bench}: runs bounded in time and count, prints its figures, stops by itself. */
interface Benchmark {

    String name();

    String description();

    void run(PrintStream out) throws Exception;
}
