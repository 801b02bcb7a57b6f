package app.spotter.bench;

import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Entry point of {@code scripts/bench}. Benchmarks are found with {@link ServiceLoader}: list each class in
 * {@code src/test/resources/META-INF/services/app.spotter.bench.Benchmark}.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        List<Benchmark> all = ServiceLoader.load(Benchmark.class).stream().map(ServiceLoader.Provider::get).toList();
        if (args.length == 1 && args[0].equals("--list")) {
            all.forEach(b -> System.out.printf("%-16s %s%n", b.name(), b.description()));
            return;
        }
        List<String> wanted = Arrays.asList(args);
        int failed = 0;
        for (Benchmark benchmark : all) {
            if (wanted.isEmpty() || wanted.contains(benchmark.name())) {
                System.out.println("== " + benchmark.name() + ": " + benchmark.description());
                try {
                    benchmark.run(System.out);
                } catch (Exception e) {
                    // one failed benchmark must not hide the others' figures; the exit status still tells
                    failed++;
                    System.out.println("FAILED: " + e);
                    e.printStackTrace();
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
