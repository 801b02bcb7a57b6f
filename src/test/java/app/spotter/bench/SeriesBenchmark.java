package app.spotter.bench;

import app.spotter.support.ApiClient;
import app.spotter.support.FaultyProxy;
import app.spotter.sync.caldav.CalDavServerProcess;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 13: a trainer with 30 weekly series over a year (52 sessions each), synced to Radicale through a counting
 * proxy, and to email invitations (GreenMail, in this JVM, is the SMTP server). Measures the time to create them
 * through the API, the requests Radicale receives (target: one PUT per series) and the emails each client receives
 * (target: one invitation per series, never one per week), then one moved and one cancelled session in each of 10
 * series (target: one PUT, and one email to the client, per exception).
 */
public final class SeriesBenchmark implements Benchmark {

    private static final int SERIES = 30;
    private static final int EXCEPTIONS = 10;
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR"};

    @Override
    public String name() {
        return "series";
    }

    @Override
    public String description() {
        return "30 weekly series over a year: time to create, PUTs per calendar and emails per client";
    }

    @Override
    public void run(PrintStream out) throws Exception {
        Path dataDir = TempDirs.create("spotter-bench-series-");
        CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE);
        int smtpPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        mail.start();
        try (FaultyProxy proxy = new FaultyProxy(radicale.baseUrl());
                SpotterProcess spotter = SpotterProcess.start(dataDir, List.of("spring.mail.host=127.0.0.1",
                        "spring.mail.port=" + smtpPort))) {
            Trainer trainer = Trainer.signUp(spotter.port());
            trainer.connectApple(proxy.uri());
            var email = trainer.api.put("/api/v1/calendar-sync/connections/email",
                    "{\"trainer_address\":\"trainer@example.com\",\"send_to_clients\":true}");
            if (email.status() != 200) {
                throw new IllegalStateException("email: " + email.status() + " " + email.body());
            }
            proxy.record();
            ApiClient api = trainer.api;
            LocalDate monday = LocalDate.now(ZoneId.of("Africa/Johannesburg")).plusWeeks(1)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<String> seriesIds = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < SERIES; i++) {
                String client = api.createClient("Client", "No " + i, "client" + i + "@example.com");
                LocalDate day = monday.plusDays(i % DAYS.length);
                String start = day + "T" + "%02d:00:00+02:00".formatted(6 + i / DAYS.length);
                var r = api.post("/api/v1/bookings", """
                        {"client_id":"%s","starts_at":"%s","duration_minutes":45,
                         "recurrence":{"frequency":"weekly","days":["%s"],"count":52}}"""
                        .formatted(client, start, DAYS[i % DAYS.length]));
                if (r.status() != 201) {
                    throw new IllegalStateException("series " + i + ": " + r.status() + " " + r.body());
                }
                seriesIds.add(r.json().get("series_id").stringValue());
            }
            Duration create = Duration.ofNanos(System.nanoTime() - started);
            await(() -> puts(proxy) >= SERIES, "one PUT per series");
            Duration synced = Duration.ofNanos(System.nanoTime() - started);
            await(() -> toClients(mail) >= SERIES, "one invitation per client");
            Sleep.millis(3000); // a second invitation to anyone would be a failure of the target: let it show
            int mailsAfterCreate = toClients(mail);
            int[] perClient = perClient(mail);
            int putsAfterCreate = puts(proxy);
            int requestsAfterCreate = proxy.exchanges().size();

            for (int i = 0; i < EXCEPTIONS; i++) {
                var sessions = api.get("/api/v1/series/" + seriesIds.get(i)).json().get("sessions");
                String moveId = sessions.get(5).get("id").stringValue();
                // the same day in the evening (the series run 06:00-11:45, one hour per five series): no clash
                String movedTo = sessions.get(5).get("starts_at").stringValue().substring(0, 11)
                        + "%02d:00:00+02:00".formatted(20 + i / DAYS.length);
                var moved = api.patch("/api/v1/bookings/" + moveId, "{\"starts_at\":\"" + movedTo + "\"}");
                var cancelled = api.post("/api/v1/bookings/" + sessions.get(8).get("id").stringValue() + "/cancel",
                        null);
                if (moved.status() != 200 || cancelled.status() != 200) {
                    throw new IllegalStateException("exception " + i + ": move " + moved.status() + " "
                            + moved.body() + ", cancel " + cancelled.status() + " " + cancelled.body());
                }
            }
            await(() -> puts(proxy) >= putsAfterCreate + EXCEPTIONS, "the exceptions' PUTs");
            await(() -> toClients(mail) >= mailsAfterCreate + EXCEPTIONS, "the exceptions' emails");
            // let coalesced or late work finish before counting
            Sleep.millis(3000);
            int putsAfterExceptions = puts(proxy) - putsAfterCreate;
            int mailsAfterExceptions = toClients(mail) - mailsAfterCreate;

            out.printf("series                   %d weekly series x 52 sessions (%d sessions), 26 weeks stored ahead%n",
                    SERIES, SERIES * 52);
            out.printf("create (API)             %.2f s (%.0f ms per series)%n", create.toNanos() / 1e9,
                    create.toMillis() / (double) SERIES);
            out.printf("created and in Radicale  %.2f s%n", synced.toNanos() / 1e9);
            out.printf("PUTs for the series      %d (target %d: one per series); requests in all %d%n",
                    putsAfterCreate, SERIES, requestsAfterCreate);
            out.printf("PUTs for %d exceptions   %d (%d series, one moved + one cancelled session each; "
                    + "a series' changes coalesce into one PUT when they arrive together)%n", 2 * EXCEPTIONS,
                    putsAfterExceptions, EXCEPTIONS);
            out.printf("emails to clients        %d for %d series (target %d: one per series); per client min %d, "
                    + "max %d%n", mailsAfterCreate, SERIES, SERIES, perClient[0], perClient[1]);
            out.printf("emails for %d exceptions %d to the %d clients (one move + one cancel each: one message per "
                    + "exception, or one per series when both arrive together)%n", 2 * EXCEPTIONS,
                    mailsAfterExceptions, EXCEPTIONS);
            out.printf("load average             %s", Files.readString(Path.of("/proc/loadavg")));
        } finally {
            mail.stop();
            radicale.close();
            TempDirs.delete(dataDir);
        }
    }

    /** Messages to the clients' addresses (the trainer's own copies are not counted). */
    private static int toClients(GreenMail mail) {
        return (int) java.util.Arrays.stream(mail.getReceivedMessages()).filter(SeriesBenchmark::toAClient).count();
    }

    /** The fewest and the most messages one client received. */
    private static int[] perClient(GreenMail mail) {
        var counts = java.util.Arrays.stream(mail.getReceivedMessages()).filter(SeriesBenchmark::toAClient)
                .collect(java.util.stream.Collectors.groupingBy(SeriesBenchmark::recipient,
                        java.util.stream.Collectors.counting())).values();
        return new int[] {counts.stream().mapToInt(Long::intValue).min().orElse(0),
                counts.stream().mapToInt(Long::intValue).max().orElse(0)};
    }

    private static boolean toAClient(jakarta.mail.internet.MimeMessage message) {
        return recipient(message).startsWith("client");
    }

    private static String recipient(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int puts(FaultyProxy proxy) {
        return (int) proxy.exchanges().stream().filter(e -> e.method().equals("PUT")).count();
    }

    private static void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not seen within " + LIMIT);
            }
            Sleep.millis(100);
        }
    }

}
