package app.spotter.bench;

import java.util.concurrent.atomic.AtomicReference;

/** Samples a process's memory every 250 ms on a daemon thread and keeps the maximum, while open. */
final class MemorySampler implements AutoCloseable {

    private final AtomicReference<Memory> max = new AtomicReference<>(new Memory(0, 0));
    private final Thread thread;

    MemorySampler(SpotterProcess spotter) {
        thread = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                max.accumulateAndGet(spotter.memory(), Memory::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    Memory max() {
        return max.get();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
