package app.spotter.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The floor: PUTs a set of calendar objects into a fresh collection at a fixed concurrency, nothing else. */
final class BareUpload {

    private BareUpload() {}

    /** @return the wall time from the first PUT to the last answer */
    static Duration run(BareDav dav, URI calendar, Map<String, byte[]> objects, int concurrency) throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            objects.forEach((name, body) -> answers.add(pool.submit(() -> dav.put(calendar.resolve(name), body))));
        }
        long elapsed = System.nanoTime() - started;
        for (Future<Integer> answer : answers) {
            if (answer.get() != 201 && answer.get() != 204) {
                throw new IllegalStateException("bare PUT answered " + answer.get());
            }
        }
        return Duration.ofNanos(elapsed);
    }

    /** Fetches every object of a collection (untimed), to upload byte-identical copies elsewhere. */
    static Map<String, byte[]> download(BareDav dav, URI calendar, int concurrency) throws Exception {
        Map<String, Future<String>> bodies = new java.util.TreeMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (URI member : dav.members(calendar)) {
                String name = member.getPath().substring(member.getPath().lastIndexOf('/') + 1);
                bodies.put(name, pool.submit(() -> dav.get(member)));
            }
        }
        Map<String, byte[]> result = new java.util.LinkedHashMap<>();
        for (var e : bodies.entrySet()) {
            result.put(e.getKey(), e.getValue().get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return result;
    }
}
