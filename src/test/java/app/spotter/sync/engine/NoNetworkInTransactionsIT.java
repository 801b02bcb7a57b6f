package app.spotter.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.support.ApiClient;
import app.spotter.support.SpotterIT;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A request to a calendar never runs while a database connection is held: connects to slow servers must not
 * starve everybody else's bookings of connections (the pool has 10).
 */
class NoNetworkInTransactionsIT extends SpotterIT {

    @Test
    void connectsStuckOnASilentServerDoNotHoldUpAnotherTrainersBooking() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0);
                ExecutorService connecting = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread.ofVirtual().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepts, then never answers
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            int stuck = 12;
            for (int i = 0; i < stuck; i++) {
                ApiClient someone = newTrainer();
                connecting.submit(() -> someone.put("/api/v1/calendar-sync/connections/apple", """
                        {"username":"u","app_password":"p","server_url":"http://127.0.0.1:%d/"}"""
                        .formatted(silent.getLocalPort())));
            }
            app.spotter.support.Eventually.await(Duration.ofSeconds(20), "every connect waiting on the server",
                    () -> held.size() >= stuck);

            ApiClient other = newTrainer();
            String client = other.createClient("Naledi", "Khumalo", null);
            Instant started = Instant.now();
            other.createBooking(client, LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusDays(2)
                    + "T08:00:00+02:00", 60);

            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
            silent.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
