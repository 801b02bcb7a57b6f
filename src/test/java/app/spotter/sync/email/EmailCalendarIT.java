package app.spotter.sync.email;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.client.Client;
import app.spotter.client.Clients;
import app.spotter.support.ApiClient;
import app.spotter.support.Eventually;
import app.spotter.support.SpotterIT;
import app.spotter.sync.caldav.CalDavServerProcess;
import app.spotter.sync.caldav.OtherClient;
import app.spotter.sync.caldav.RawDav;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email calendar end to end: the API connects it, bookings change, the sync engine sends, and a real SMTP server
 * (GreenMail) receives what a mail client would. Every assertion reads what arrived, not what Spotter meant to send.
 */
class EmailCalendarIT extends SpotterIT {

    private static final int SMTP_PORT = freePort();
    private static final int IMAP_PORT = freePort();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FROM = "invites@spotter.test";
    private static final String MAILBOX_PASSWORD = "organizer-mailbox-secret";

    /** SMTP for what Spotter sends; IMAP for the organizer mailbox, where clients' answers arrive. */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"), new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")})
            .withConfiguration(com.icegreen.greenmail.configuration.GreenMailConfiguration.aConfig()
                    .withUser(FROM, FROM, MAILBOX_PASSWORD))
            .withPerMethodLifecycle(false);

    /** Addresses containing this are refused by the mail server with 550 (a mailbox that does not exist). */
    private static final String REFUSED = "refused-";

    private static final RefusingSmtpProxy PROXY = new RefusingSmtpProxy(SMTP_PORT, REFUSED);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", PROXY::port);
        registry.add("spotter.mail-from", () -> "Spotter <" + FROM + ">");
        registry.add("spotter.public-url", () -> "https://book.spotter.test/");
        registry.add("spotter.mail.imap.host", () -> "127.0.0.1");
        registry.add("spotter.mail.imap.port", () -> IMAP_PORT);
        registry.add("spotter.mail.imap.ssl", () -> "false");
        registry.add("spotter.mail.imap.username", () -> FROM);
        registry.add("spotter.mail.imap.password", () -> MAILBOX_PASSWORD);
        registry.add("spotter.mail.imap.interval", () -> "PT1S");
        // the mail settings make this a Spring context of its own, which must not open the shared context's
        // embedded PostgreSQL data folder (it is locked); so it gets a PostgreSQL of its own, as an external server
        registry.add("spring.datasource.url", () -> database().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    private static EmbeddedPostgres database;

    private static synchronized EmbeddedPostgres database() {
        if (database == null) {
            try {
                database = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("spotter-email-it-"))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = database;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away anyway
                }
            }));
        }
        return database;
    }

    @Autowired
    private Clients clients;

    @Autowired
    private JdbcClient jdbc;

    private final String clientAddress = "client-" + UUID.randomUUID() + "@clients.test";
    private final String trainerAddress = "trainer-" + UUID.randomUUID() + "@calendar.test";

    @Test
    void aNewBookingSendsOneRequestToTheClientAndOneToTheTrainersAddress() throws Exception {
        ApiClient api = connectedTrainer(true);
        String trainerEmail = api.get("/api/v1/me").json().get("email").stringValue();
        String client = api.createClient("Lerato", "Mokoena", clientAddress);
        book(api, client, ahead(30) + "T09:00:00+02:00", "Zoo Lake gym", "knee surgery in May");

        ReceivedInvitation toClient = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        ReceivedInvitation toTrainer = ReceivedInvitation.of(awaitMessages(trainerAddress, 1).getFirst());

        for (ReceivedInvitation mail : List.of(toClient, toTrainer)) {
            assertThat(mail.methodParameter()).isEqualTo("REQUEST");
            assertThat(mail.method()).isEqualTo("REQUEST");
            assertThat(mail.attachedIcs()).isEqualTo(mail.inlineIcs());
            assertThat(mail.value(Property.UID)).endsWith("@spotter.app");
            assertThat(mail.value(Property.DTSTAMP)).matches("\\d{8}T\\d{6}Z");
            assertThat(mail.sequence()).isZero();
            var organizer = mail.event().getProperty(Property.ORGANIZER).orElseThrow();
            assertThat(organizer.getValue()).isEqualToIgnoringCase("mailto:" + FROM);
            assertThat(organizer.getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Thandi Trainer");
            assertThat(((InternetAddress) mail.message().getFrom()[0]).getAddress()).isEqualTo(FROM);
            assertThat(((InternetAddress) mail.message().getReplyTo()[0]).getAddress()).isEqualTo(trainerEmail);
            assertThat(mail.text()).contains(longDate(ahead(30)) + ", 09:00–10:00 (Africa/Johannesburg time)", "Zoo Lake gym");
            assertThat(mail.html()).contains(longDate(ahead(30)) + ", 09:00–10:00", "Zoo Lake gym");
            assertThat(mail.everything()).doesNotContain("knee surgery");
        }
        assertThat(toClient.value(Property.UID)).isEqualTo(toTrainer.value(Property.UID));
        assertThat(toClient.value(Property.SUMMARY)).isEqualTo("1:1 session · Lerato Mokoena");
        assertThat(attendees(toClient)).containsExactly("mailto:" + clientAddress);
        assertThat(attendees(toTrainer)).containsExactly("mailto:" + trainerAddress);
        var attendee = toClient.event().getProperty(Property.ATTENDEE).orElseThrow();
        assertThat(attendee.getParameter(Parameter.PARTSTAT).orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
        // the organizer mailbox is read here, so the client is asked for an answer; the trainer is not
        assertThat(attendee.getParameter(Parameter.RSVP).orElseThrow().getValue()).isEqualTo("TRUE");
        assertThat(toTrainer.event().getProperty(Property.ATTENDEE).orElseThrow().getParameter(Parameter.RSVP)
                .orElseThrow().getValue()).isEqualTo("FALSE");
        assertThat(toClient.text()).contains("Hi Lerato Mokoena,", "Reply to this email", trainerEmail);
    }

    @Test
    void aRescheduleSendsANewRequestWithTheSameUidAndAHigherSequence() throws Exception {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Sipho", "Dlamini", clientAddress);
        String booking = book(api, client, ahead(40) + "T07:00:00+02:00", null, null);
        ReceivedInvitation first = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());

        assertThat(api.patch("/api/v1/bookings/" + booking, """
                {"starts_at":"%1$sT08:00:00+02:00","ends_at":"%1$sT09:00:00+02:00"}""".formatted(ahead(40))).status())
                .isEqualTo(200);

        ReceivedInvitation second = ReceivedInvitation.of(awaitMessages(clientAddress, 2).get(1));
        assertThat(second.method()).isEqualTo("REQUEST");
        assertThat(second.value(Property.UID)).isEqualTo(first.value(Property.UID));
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(second.value(Property.DTSTART)).isEqualTo(ahead(40).toString().replace("-", "") + "T080000");
        assertThat(second.message().getSubject()).startsWith("Updated: ");
    }

    @Test
    void aCancellationSendsCancelWithStatusCancelledAndAHigherSequence() {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Naledi", "Khumalo", clientAddress);
        String booking = book(api, client, ahead(60) + "T18:00:00+02:00", null, null);
        ReceivedInvitation request = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());

        assertThat(api.post("/api/v1/bookings/" + booking + "/cancel", null).status()).isEqualTo(200);

        for (String address : List.of(clientAddress, trainerAddress)) {
            ReceivedInvitation cancel = ReceivedInvitation.of(awaitMessages(address, 2).get(1));
            assertThat(cancel.methodParameter()).isEqualTo("CANCEL");
            assertThat(cancel.method()).isEqualTo("CANCEL");
            assertThat(cancel.value(Property.STATUS)).isEqualTo("CANCELLED");
            assertThat(cancel.value(Property.UID)).isEqualTo(request.value(Property.UID));
            assertThat(cancel.sequence()).isGreaterThan(request.sequence());
            assertThat(attendees(cancel)).containsExactly("mailto:" + address);
        }
    }

    @Test
    void erasingAClientSendsThemACancelForTheirUpcomingSessionAndNoNameOrNoteInIt() {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Palesa", "Mahlangu", clientAddress);
        book(api, client, ahead(61) + "T07:00:00+02:00", null, null);
        ReceivedInvitation request = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());

        assertThat(api.post("/api/v1/clients/" + client + "/erase", null).status()).isEqualTo(204);

        ReceivedInvitation cancel = ReceivedInvitation.of(awaitMessages(clientAddress, 2).get(1));
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.value(Property.UID)).isEqualTo(request.value(Property.UID));
        assertThat(cancel.sequence()).isGreaterThan(request.sequence());
        ReceivedInvitation trainers = ReceivedInvitation.of(awaitMessages(trainerAddress, 2).get(1));
        assertThat(trainers.method()).isEqualTo("CANCEL");
        assertThat(trainers.everything()).doesNotContain("Palesa").doesNotContain("Mahlangu");
    }

    @Test
    void aClientsAcceptanceArrivesInTheOrganizerMailboxAndIsRecordedAgainstTheirPlace() throws Exception {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Thabo", "Nkosi", clientAddress);
        String booking = book(api, client, ahead(62) + "T06:00:00+02:00", null, null);
        ReceivedInvitation request = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());

        answer(request, clientAddress, clientAddress, "ACCEPTED", request.sequence());

        Eventually.await(WAIT, "the acceptance recorded", () -> "accepted".equals(replyOf(api, booking)));
        assertThat(api.get("/api/v1/bookings/" + booking + "/replies").json().get(0).get("client_id").stringValue())
                .isEqualTo(client);
        var activity = api.get("/api/v1/bookings/" + booking + "/activity").json();
        assertThat(activity.findValuesAsString("kind")).containsExactly("client_replied");
        assertThat(activity.get(0).get("message").stringValue()).isEqualTo("Thabo Nkosi accepted");
    }

    @Test
    void aDeclineTellsTheTrainerOnceByEmailAndOnTheCalendarPageAndTheSessionStaysBooked() throws Exception {
        ApiClient api = connectedTrainer(true);
        String trainerEmail = api.get("/api/v1/me").json().get("email").stringValue();
        String client = api.createClient("Zinhle", "Ndlovu", clientAddress);
        String booking = book(api, client, ahead(63) + "T06:00:00+02:00", null, null);
        ReceivedInvitation request = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());

        answer(request, clientAddress, clientAddress, "DECLINED", request.sequence());
        answer(request, clientAddress, clientAddress, "DECLINED", request.sequence()); // sent twice by the client

        Eventually.await(WAIT, "the decline recorded", () -> "declined".equals(replyOf(api, booking)));
        List<MimeMessage> told = awaitMessages(trainerEmail, 1);
        assertThat(told.getFirst().getSubject()).startsWith("Zinhle Ndlovu declined");
        assertThat(api.get("/api/v1/bookings/" + booking).json().get("status").stringValue()).isEqualTo("scheduled");
        String session = new app.spotter.support.FormBrowser(port).logIn(trainerEmail, "correct horse battery");
        var calendar = new app.spotter.support.FormBrowser(port).get("/app/calendar", session);
        assertThat(calendar.body()).contains("Zinhle Ndlovu declined the session on");
        // the client changes their mind: once that is recorded, both copies of the decline have been read
        answer(request, clientAddress, clientAddress, "ACCEPTED", request.sequence());
        Eventually.await(WAIT, "the change of mind recorded", () -> "accepted".equals(replyOf(api, booking)));
        assertThat(messagesTo(trainerEmail).stream().filter(m -> subject(m).contains("declined"))).hasSize(1);
    }

    @Test
    void forgedAndOutdatedAnswersAreIgnored() throws Exception {
        ApiClient api = connectedTrainer(true);
        String trainerEmail = api.get("/api/v1/me").json().get("email").stringValue();
        String client = api.createClient("Sipho", "Mthembu", clientAddress);
        String booking = book(api, client, ahead(64) + "T06:00:00+02:00", null, null);
        ReceivedInvitation first = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        api.patch("/api/v1/bookings/" + booking, """
                {"starts_at":"%sT07:00:00+02:00"}""".formatted(ahead(64)));
        ReceivedInvitation moved = ReceivedInvitation.of(awaitMessages(clientAddress, 2).get(1));
        assertThat(moved.sequence()).isGreaterThan(first.sequence());

        // someone else writes the client's ATTENDEE line; then the client answers the old time; then the new one
        answer(moved, clientAddress, "mallory-" + UUID.randomUUID() + "@example.net", "DECLINED", moved.sequence());
        answer(first, clientAddress, clientAddress, "DECLINED", first.sequence());
        answer(moved, clientAddress, clientAddress, "ACCEPTED", moved.sequence());

        // answers are read in the order they arrive: once the last is recorded, the others have been read
        Eventually.await(WAIT, "the genuine answer recorded", () -> "accepted".equals(replyOf(api, booking)));
        assertThat(messagesTo(trainerEmail).stream().filter(m -> subject(m).contains("declined"))).isEmpty();
    }

    @Test
    void withSendToClientsOffOnlyTheTrainerIsInvited() {
        ApiClient api = connectedTrainer(false);
        String client = api.createClient("Ayanda", "Zulu", clientAddress);
        book(api, client, ahead(70) + "T10:00:00+02:00", null, null);

        awaitMessages(trainerAddress, 1);
        pause();
        assertThat(messagesTo(clientAddress)).isEmpty();
    }

    @Test
    void withClientNamesHiddenTheTrainersCopyNamesNoClientWhileTheClientsCopyCarriesTheirOwnName() {
        ApiClient api = connectedTrainer(true);
        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"show_client_names":false}""").status()).isEqualTo(200);
        String client = api.createClient("Bongani", "Nkosi", clientAddress);
        book(api, client, ahead(80) + "T06:00:00+02:00", null, null);

        ReceivedInvitation toTrainer = ReceivedInvitation.of(awaitMessages(trainerAddress, 1).getFirst());
        ReceivedInvitation toClient = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        assertThat(toTrainer.value(Property.SUMMARY)).isEqualTo("1:1 session");
        assertThat(toTrainer.everything()).doesNotContain("Bongani", "Nkosi", clientAddress);
        assertThat(toClient.value(Property.SUMMARY)).isEqualTo("1:1 session · Bongani Nkosi");
    }

    @Test
    void aSeriesIsOneInvitationWithItsRuleThenOneMessagePerExceptionOrPerChangeOfTheWholeSeries() throws Exception {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Sipho", "Ndlovu", clientAddress);
        var created = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%sT06:00:00+02:00","duration_minutes":60,
                 "recurrence":{"frequency":"weekly","days":["MO","TH"],"count":20}}"""
                .formatted(client, ahead(21)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ReceivedInvitation invitation = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        assertThat(invitation.method()).isEqualTo("REQUEST");
        assertThat(invitation.inlineIcs()).contains("RRULE:FREQ=WEEKLY;COUNT=20;BYDAY=MO,TH");
        String uid = invitation.value(Property.UID);
        awaitMessages(trainerAddress, 1);
        drained(api);
        // twenty sessions, one invitation each way
        assertThat(messagesTo(clientAddress)).hasSize(1);
        assertThat(messagesTo(trainerAddress)).hasSize(1);

        // one session moved: one message about that session alone (its override, RECURRENCE-ID, no rule)
        String seriesId = created.json().get("series_id").stringValue();
        var sessions = api.get("/api/v1/series/" + seriesId).json().get("sessions");
        String movedFrom = sessions.get(3).get("starts_at").stringValue();
        String moved = movedFrom.replace("T06:00", "T07:30");
        assertThat(api.patch("/api/v1/bookings/" + sessions.get(3).get("id").stringValue(),
                "{\"starts_at\":\"" + moved + "\"}").status()).isEqualTo(200);
        ReceivedInvitation change = ReceivedInvitation.of(awaitMessages(clientAddress, 2).get(1));
        String unfolded = change.inlineIcs().replace("\r\n ", "");
        assertThat(change.method()).isEqualTo("REQUEST");
        assertThat(unfolded).contains("RECURRENCE-ID;TZID=Africa/Johannesburg:" + local(movedFrom),
                "DTSTART;TZID=Africa/Johannesburg:" + local(moved)).doesNotContain("RRULE", "EXDATE");
        assertThat(unfolded.split("BEGIN:VEVENT", -1)).hasSize(2);
        assertThat(unfolded).contains("UID:" + uid);
        assertThat(change.sequence()).isGreaterThan(invitation.sequence());
        assertThat(change.message().getSubject()).contains(moved.substring(11, 16));
        drained(api);
        assertThat(messagesTo(clientAddress)).hasSize(2);
        assertThat(messagesTo(trainerAddress)).hasSize(2);

        // one session cancelled: a CANCEL of that session alone
        String cancelledAt = sessions.get(6).get("starts_at").stringValue();
        assertThat(api.post("/api/v1/bookings/" + sessions.get(6).get("id").stringValue() + "/cancel", "{}")
                .status()).isEqualTo(200);
        ReceivedInvitation cancel = ReceivedInvitation.of(awaitMessages(clientAddress, 3).get(2));
        String cancelText = cancel.inlineIcs().replace("\r\n ", "");
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancelText).contains("RECURRENCE-ID;TZID=Africa/Johannesburg:" + local(cancelledAt),
                "STATUS:CANCELLED", "UID:" + uid).doesNotContain("RRULE");
        assertThat(cancel.sequence()).isGreaterThan(change.sequence());
        drained(api);
        assertThat(messagesTo(clientAddress)).hasSize(3);

        // a change of the whole series: one message with the rule, its exclusion and its moved session
        assertThat(api.patch("/api/v1/series/" + seriesId, """
                {"scope":"all","location":"Sea Point promenade"}""").status()).isEqualTo(200);
        ReceivedInvitation all = ReceivedInvitation.of(awaitMessages(clientAddress, 4).get(3));
        String allText = all.inlineIcs().replace("\r\n ", "");
        assertThat(all.method()).isEqualTo("REQUEST");
        assertThat(allText).contains("RRULE:FREQ=WEEKLY;", "EXDATE;TZID=Africa/Johannesburg:" + local(cancelledAt),
                "RECURRENCE-ID;TZID=Africa/Johannesburg:" + local(movedFrom), "LOCATION:Sea Point promenade");
        drained(api);
        assertThat(messagesTo(clientAddress)).hasSize(4);

        // disconnecting with "remove events": the series is cancelled as one (its rule), not its first session
        assertThat(api.delete("/api/v1/calendar-sync/connections/email?remove_events=true").status())
                .isEqualTo(204);
        ReceivedInvitation gone = ReceivedInvitation.of(awaitMessages(clientAddress, 5).get(4));
        assertThat(gone.method()).isEqualTo("CANCEL");
        assertThat(gone.inlineIcs().replace("\r\n ", "")).contains("RRULE:FREQ=WEEKLY;", "UID:" + uid,
                "STATUS:CANCELLED").doesNotContain("RECURRENCE-ID");
        drained(api);
        assertThat(messagesTo(clientAddress)).hasSize(5);
    }

    /**
     * The trainer moves one session of a series in their Apple calendar (Radicale, edited as an iPhone would):
     * Spotter takes it as a move of that session, and the client gets that session at its new time.
     */
    @Test
    void anOccurrenceMovedInTheTrainersAppleCalendarSendsTheClientThatSessionAtItsNewTime() throws Exception {
        try (CalDavServerProcess radicale = CalDavServerProcess.start(CalDavServerProcess.Kind.RADICALE)) {
            ApiClient api = connectedTrainer(true);
            String client = api.createClient("Sipho", "Ndlovu", clientAddress);
            var apple = api.put("/api/v1/calendar-sync/connections/apple", """
                    {"username":"%s","app_password":"%s","server_url":"%s","calendar_name":"Spotter"}"""
                    .formatted(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD, radicale.baseUrl()));
            assertThat(apple.status()).as(apple.body()).isEqualTo(200);
            URI calendar = URI.create(apple.json().get("calendar_url").stringValue());
            java.time.LocalDate first = ahead(28);
            var created = api.post("/api/v1/bookings", """
                    {"client_id":"%s","starts_at":"%sT06:00:00+02:00","duration_minutes":60,
                     "recurrence":{"frequency":"weekly","days":["%s"],"count":4}}"""
                    .formatted(client, first, first.getDayOfWeek().name().substring(0, 2)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String anchor = created.json().get("id").stringValue();
            var second = api.get("/api/v1/series/" + created.json().get("series_id").stringValue()).json()
                    .get("sessions").get(1);
            String movedFrom = second.get("starts_at").stringValue();
            String movedTo = movedFrom.replace("T06:00", "T11:00");
            ReceivedInvitation invitation = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
            URI resource = calendar.resolve(anchor.replace("-", "") + ".ics");
            RawDav raw = new RawDav(CalDavServerProcess.USER, CalDavServerProcess.PASSWORD);
            Eventually.await(WAIT, "the series in the Apple calendar", () -> raw.get(resource).status() == 200);
            drained(api);
            roundsDone(api);

            java.time.Instant from = java.time.OffsetDateTime.parse(movedFrom).toInstant();
            java.time.Instant to = java.time.OffsetDateTime.parse(movedTo).toInstant();
            assertThat(raw.put(resource, OtherClient.moveOccurrence(raw.get(resource).body(), from, to,
                    to.plus(Duration.ofHours(1)))).status()).isBetween(200, 204);
            assertThat(api.post("/api/v1/calendar-sync/sync", "{}").status()).isEqualTo(202);

            ReceivedInvitation change = ReceivedInvitation.of(awaitMessages(clientAddress, 2).get(1));
            String unfolded = change.inlineIcs().replace("\r\n ", "");
            assertThat(change.method()).isEqualTo("REQUEST");
            assertThat(unfolded).contains("RECURRENCE-ID;TZID=Africa/Johannesburg:" + local(movedFrom),
                    "DTSTART;TZID=Africa/Johannesburg:" + local(movedTo)).doesNotContain("RRULE");
            assertThat(change.sequence()).isGreaterThan(invitation.sequence());
            assertThat(api.get("/api/v1/bookings/" + second.get("id").stringValue()).json().get("starts_at")
                    .stringValue()).isEqualTo(movedTo);
            drained(api);
            assertThat(messagesTo(clientAddress)).as("one message for the move, no echo").hasSize(2);
        }
    }

    /** No sync round of this trainer due or running. */
    private void roundsDone(ApiClient api) {
        String trainerId = api.get("/api/v1/me").json().get("id").stringValue();
        Eventually.await(WAIT, "rounds done", () -> jdbc.sql("""
                SELECT count(*) FROM scheduled_tasks WHERE task_name = 'sync-round' AND task_instance LIKE ?
                   AND (picked OR execution_time <= now())""").param(trainerId + ":%").query(Integer.class)
                .single() == 0);
    }

    /** "2026-12-21T06:00:00+02:00" as an iCalendar local time: "20261221T060000". */
    private static String local(String offsetDateTime) {
        return offsetDateTime.substring(0, 19).replace("-", "").replace(":", "");
    }

    @Test
    void editingOnlyTheNotesSendsNothing() {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Thabo", "Molefe", clientAddress);
        String booking = book(api, client, ahead(90) + "T12:00:00+02:00", null, null);
        awaitMessages(clientAddress, 1);
        awaitMessages(trainerAddress, 1);

        assertThat(api.patch("/api/v1/bookings/" + booking, """
                {"notes":"asthma; bring inhaler"}""").status()).isEqualTo(200);

        pause();
        assertThat(messagesTo(clientAddress)).hasSize(1);
        assertThat(messagesTo(trainerAddress)).hasSize(1);
    }

    @Test
    void anInvitationHeldUpBySmtpBeingDownArrivesAfterTheRetry() {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Kagiso", "Sithole", clientAddress);
        SMTP.stop();
        try {
            book(api, client, ahead(100) + "T09:00:00+02:00", null, null);
            Eventually.within(WAIT, () -> assertThat(emailStatus(api).get("error_message").stringValue())
                    .contains("Could not reach the mail server", "retry"));
        } finally {
            SMTP.start();
        }
        ReceivedInvitation arrived = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        assertThat(arrived.method()).isEqualTo("REQUEST");
        Eventually.within(WAIT, () -> assertThat(emailStatus(api).get("sync_status").stringValue()).isEqualTo("ok"));
        assertThat(messagesTo(clientAddress)).hasSize(1);
    }

    @Test
    void aClientWithoutAnEmailAddressIsSkippedAndNamedInTheStatus() {
        ApiClient api = connectedTrainer(true);
        String withoutAddress = api.createClient("Zanele", "Mthembu", null);
        book(api, withoutAddress, ahead(110) + "T09:00:00+02:00", null, null);

        awaitMessages(trainerAddress, 1);
        // The message reaches GreenMail before the worker that sent it records the result: wait for the status.
        Eventually.within(WAIT, () -> {
            var status = emailStatus(api);
            assertThat(status.get("error_message").stringValue()).isEqualTo(
                    "1 client with upcoming sessions has no email address; they get no invitations.");
            assertThat(status.get("events_synced").intValue()).isEqualTo(1);
        });
    }

    @Test
    void namesAreEscapedInTheHtmlBodyAndKeptOnOneLineInHeadersAndTheCalendar() {
        ApiClient api = connectedTrainer(true);
        // the API refuses control characters in names; the service layer does not, so test the renderer's own guard
        UUID trainerId = UUID.fromString(api.get("/api/v1/me").json().get("id").stringValue());
        Client client = clients.create(new Client(null, trainerId, "<script>alert(1)</script> Zoë",
                "O'Neil & Co\r\nBcc: x@evil.test\r\nATTENDEE:mailto:x@evil.test", clientAddress, null, null));
        book(api, client.id().toString(), ahead(120) + "T09:00:00+02:00", "Gym <b>2</b>", null);

        ReceivedInvitation mail = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        assertThat(mail.html()).doesNotContain("<script>", "<b>2</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Zoë", "O&#39;Neil &amp; Co",
                        "Gym &lt;b&gt;2&lt;/b&gt;");
        pause();
        assertThat(messagesTo("x@evil.test")).isEmpty();
        assertThat(attendees(mail)).containsExactly("mailto:" + clientAddress);
        assertThat(mail.value(Property.SUMMARY)).isEqualTo("1:1 session · <script>alert(1)</script> Zoë "
                + "O'Neil & Co Bcc: x@evil.test ATTENDEE:mailto:x@evil.test");
    }

    // ---- one copy per person: each recipient hears only about what their own copy shows

    @Test
    void changingTheDisplayZoneSendsClientsNothingAndTheTrainerOneUpdateWithAHigherSequence() {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Lerato", "Mokoena", clientAddress);
        book(api, client, inDays(20, "09:00"), "Zoo Lake gym", null);
        book(api, client, inDays(21, "09:00"), null, null);
        awaitMessages(clientAddress, 2);
        awaitMessages(trainerAddress, 2);

        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"timezone_display":"Europe/London"}""").status()).isEqualTo(200);

        List<MimeMessage> toTrainer = awaitMessages(trainerAddress, 4);
        drained(api);
        assertThat(messagesTo(clientAddress)).as("to the client").hasSize(2);
        assertThat(messagesTo(trainerAddress)).as("to the trainer").hasSize(4);
        ReceivedInvitation update = ReceivedInvitation.of(toTrainer.get(3));
        assertThat(update.method()).isEqualTo("REQUEST");
        assertThat(update.sequence()).isEqualTo(1);
        assertThat(update.inlineIcs()).contains("TZID=Europe/London");
    }

    @Test
    void turningClientNamesOffAndOnAgainSendsClientsNothing() {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Sipho", "Dlamini", clientAddress);
        book(api, client, inDays(22, "07:00"), null, null);
        awaitMessages(clientAddress, 1);
        awaitMessages(trainerAddress, 1);

        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"show_client_names":false}""").status()).isEqualTo(200);
        ReceivedInvitation hidden = ReceivedInvitation.of(awaitMessages(trainerAddress, 2).get(1));
        drained(api);
        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"show_client_names":true}""").status()).isEqualTo(200);
        ReceivedInvitation shown = ReceivedInvitation.of(awaitMessages(trainerAddress, 3).get(2));
        drained(api);

        assertThat(messagesTo(clientAddress)).as("to the client").hasSize(1);
        assertThat(messagesTo(trainerAddress)).as("to the trainer").hasSize(3);
        assertThat(hidden.value(Property.SUMMARY)).isEqualTo("1:1 session");
        assertThat(shown.value(Property.SUMMARY)).isEqualTo("1:1 session · Sipho Dlamini");
        assertThat(shown.sequence()).isGreaterThan(hidden.sequence());
    }

    @Test
    void aClientWhoGainsAnAddressGetsTheInvitationAndTheNoteAboutMissingAddressesGoes() throws Exception {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Zanele", "Mthembu", null);
        book(api, client, inDays(23, "10:00"), null, null);
        awaitMessages(trainerAddress, 1);
        drained(api);
        assertThat(emailStatus(api).get("error_message").stringValue()).contains("no email address");

        assertThat(api.patch("/api/v1/clients/" + client, """
                {"email":"%s"}""".formatted(clientAddress)).status()).isEqualTo(200);

        ReceivedInvitation invitation = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        drained(api);
        assertThat(invitation.method()).isEqualTo("REQUEST");
        assertThat(invitation.message().getSubject()).startsWith("Invitation: ");
        assertThat(messagesTo(trainerAddress)).as("to the trainer").hasSize(1);
        assertThat(emailStatus(api).get("error_message").isNull()).isTrue();
    }

    @Test
    void aChangedAddressGetsTheRequestAndTheOldAddressACancel() {
        ApiClient api = connectedTrainer(true);
        String client = api.createClient("Naledi", "Khumalo", clientAddress);
        book(api, client, inDays(24, "18:00"), null, null);
        ReceivedInvitation first = ReceivedInvitation.of(awaitMessages(clientAddress, 1).getFirst());
        awaitMessages(trainerAddress, 1);
        String newAddress = "new-" + clientAddress;

        assertThat(api.patch("/api/v1/clients/" + client, """
                {"email":"%s"}""".formatted(newAddress)).status()).isEqualTo(200);

        ReceivedInvitation cancel = ReceivedInvitation.of(awaitMessages(clientAddress, 2).get(1));
        ReceivedInvitation request = ReceivedInvitation.of(awaitMessages(newAddress, 1).getFirst());
        drained(api);
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.sequence()).isGreaterThan(first.sequence());
        assertThat(request.method()).isEqualTo("REQUEST");
        assertThat(request.value(Property.UID)).isEqualTo(first.value(Property.UID));
        assertThat(messagesTo(clientAddress)).hasSize(2);
        assertThat(messagesTo(newAddress)).hasSize(1);
        assertThat(messagesTo(trainerAddress)).as("to the trainer").hasSize(1);
    }

    @Test
    void aBookingMovedToAnotherClientWhileNamesAreHiddenCancelsForTheOldClientAndInvitesTheNewOne() {
        ApiClient api = connectedTrainer(true);
        assertThat(api.put("/api/v1/calendar-sync/preferences", """
                {"show_client_names":false}""").status()).isEqualTo(200);
        String first = api.createClient("Thabo", "Molefe", clientAddress);
        String otherAddress = "other-" + clientAddress;
        String second = api.createClient("Ayanda", "Zulu", otherAddress);
        String booking = book(api, first, inDays(25, "12:00"), null, null);
        awaitMessages(clientAddress, 1);
        awaitMessages(trainerAddress, 1);

        assertThat(api.patch("/api/v1/bookings/" + booking, """
                {"client_id":"%s"}""".formatted(second)).status()).isEqualTo(200);

        ReceivedInvitation cancel = ReceivedInvitation.of(awaitMessages(clientAddress, 2).get(1));
        ReceivedInvitation request = ReceivedInvitation.of(awaitMessages(otherAddress, 1).getFirst());
        drained(api);
        assertThat(cancel.method()).isEqualTo("CANCEL");
        assertThat(cancel.everything()).doesNotContain("Ayanda");
        assertThat(request.method()).isEqualTo("REQUEST");
        assertThat(request.value(Property.SUMMARY)).isEqualTo("1:1 session · Ayanda Zulu");
        assertThat(messagesTo(trainerAddress)).as("the trainer's copy shows no name, so it did not change")
                .hasSize(1);
    }

    @Test
    void aClientAddressTheMailServerRefusesDoesNotStopTheTrainersCopy() {
        ApiClient api = connectedTrainer(true);
        String refused = REFUSED + clientAddress;
        String client = api.createClient("Kagiso", "Sithole", refused);
        String booking = book(api, client, inDays(26, "09:00"), null, null);
        awaitMessages(trainerAddress, 1);
        Eventually.within(WAIT, () -> assertThat(emailStatus(api).get("error_message").stringValue())
                .contains("refused", "SMTP 550"));

        assertThat(api.patch("/api/v1/bookings/" + booking, """
                {"location":"Park run start"}""").status()).isEqualTo(200);

        ReceivedInvitation update = ReceivedInvitation.of(awaitMessages(trainerAddress, 2).get(1));
        drained(api);
        assertThat(update.value(Property.LOCATION)).isEqualTo("Park run start");
        assertThat(messagesTo(refused)).isEmpty();
        assertThat(messagesTo(trainerAddress)).hasSize(2);
    }

    @Test
    void theMessageIdIsSpottersOwnDomainAndTheSenderNameIsOnlyAName() throws Exception {
        String email = "fay-" + UUID.randomUUID() + "@example.com";
        assertThat(anonymous().post("/api/v1/trainers", """
                {"name":"Fay <b>Evil</b> Bcc: victim@example.com","email":"%s","password":"correct horse battery",
                 "timezone":"Africa/Johannesburg"}""".formatted(email)).status()).isEqualTo(201);
        ApiClient api = new ApiClient(port, anonymous().post("/api/v1/auth/tokens", """
                {"email":"%s","password":"correct horse battery"}""".formatted(email)).json().get("token")
                .stringValue());
        assertThat(api.put("/api/v1/calendar-sync/connections/email", """
                {"trainer_address":"%s","send_to_clients":true}""".formatted(trainerAddress)).status())
                .isEqualTo(200);
        String client = api.createClient("Zoë", "O'Neil-Dube", clientAddress);
        book(api, client, inDays(27, "08:00"), null, null);

        MimeMessage mail = awaitMessages(clientAddress, 1).getFirst();
        assertThat(mail.getMessageID()).matches("<[^@<>\\s]+@book\\.spotter\\.test>");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(FROM);
        assertThat(from.getPersonal()).isEqualTo("Fay bEvilb Bcc victimexample.com via Spotter");
        assertThat(mail.getHeader("From")[0]).doesNotContain("<b>", "victim@");
        assertThat(mail.getAllRecipients()).hasSize(1);
    }

    /** A date this many days ahead, at this Johannesburg time, as the API takes it. */
    @Test
    void eachParticipantOfAGroupGetsACopyWithOnlyTheirOwnNameAndAddingOrRemovingOneWritesToThatPersonAlone()
            throws Exception {
        ApiClient api = connectedTrainer(true);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String annAddress = "ann-" + tag + "@clients.test";
        String benAddress = "ben-" + tag + "@clients.test";
        String casAddress = "cas-" + tag + "@clients.test";
        String ann = api.createClient("Annelize", "Botha", annAddress);
        String ben = api.createClient("Bongani", "Cele", benAddress);
        String cas = api.createClient("Chantal", "Dlamini", casAddress);
        // the trainer's private notes about a client, and the session's own notes, go nowhere
        api.put("/api/v1/clients/" + ben + "/notes", "{\"notes\":\"hypertension, on beta blockers\"}");
        var created = api.post("/api/v1/bookings", """
                {"client_ids":["%s","%s"],"starts_at":"%s","duration_minutes":60,"session_type":"group",
                 "notes":"asthma inhaler"}""".formatted(ann, ben, ahead(50) + "T09:00:00+02:00"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String booking = created.json().get("id").stringValue();

        ReceivedInvitation toAnn = ReceivedInvitation.of(awaitMessages(annAddress, 1).getFirst());
        ReceivedInvitation toBen = ReceivedInvitation.of(awaitMessages(benAddress, 1).getFirst());
        ReceivedInvitation toTrainer = ReceivedInvitation.of(awaitMessages(trainerAddress, 1).getFirst());
        assertThat(toAnn.value(Property.SUMMARY)).isEqualTo("Group session · Annelize Botha");
        assertThat(toBen.value(Property.SUMMARY)).isEqualTo("Group session · Bongani Cele");
        assertThat(attendees(toAnn)).containsExactly("mailto:" + annAddress);
        assertThat(attendees(toBen)).containsExactly("mailto:" + benAddress);
        assertThat(toTrainer.value(Property.SUMMARY)).isEqualTo("Group session · 2/8 · Annelize Botha, Bongani Cele");
        assertThat(toAnn.value(Property.UID)).isEqualTo(toBen.value(Property.UID));

        assertThat(api.patch("/api/v1/bookings/" + booking, """
                {"client_ids":["%s","%s","%s"]}""".formatted(ann, ben, cas)).status()).isEqualTo(200);
        ReceivedInvitation toCas = ReceivedInvitation.of(awaitMessages(casAddress, 1).getFirst());
        assertThat(toCas.method()).isEqualTo("REQUEST");
        assertThat(toCas.value(Property.SUMMARY)).isEqualTo("Group session · Chantal Dlamini");
        awaitMessages(trainerAddress, 2);
        drained(api);
        assertThat(messagesTo(annAddress)).as("Ann hears nothing of Chantal joining").hasSize(1);
        assertThat(messagesTo(benAddress)).as("Ben hears nothing of Chantal joining").hasSize(1);

        assertThat(api.patch("/api/v1/bookings/" + booking, """
                {"client_ids":["%s","%s"]}""".formatted(ann, cas)).status()).isEqualTo(200);
        List<MimeMessage> toBenNow = awaitMessages(benAddress, 2);
        ReceivedInvitation benRemoved = ReceivedInvitation.of(toBenNow.get(1));
        assertThat(benRemoved.method()).isEqualTo("CANCEL");
        assertThat(benRemoved.value(Property.UID)).isEqualTo(toBen.value(Property.UID));
        assertThat(benRemoved.sequence()).isGreaterThan(toBen.sequence());
        awaitMessages(trainerAddress, 3);
        drained(api);
        assertThat(messagesTo(annAddress)).as("Ann hears nothing of Ben leaving").hasSize(1);
        assertThat(messagesTo(casAddress)).as("Chantal hears nothing of Ben leaving").hasSize(1);
        assertThat(ReceivedInvitation.of(messagesTo(trainerAddress).get(2)).value(Property.SUMMARY))
                .isEqualTo("Group session · 2/8 · Annelize Botha, Chantal Dlamini");

        for (MimeMessage message : messagesTo(trainerAddress)) {
            assertThat(ReceivedInvitation.of(message).everything()).doesNotContain("asthma")
                    .doesNotContain("hypertension");
        }
        // no client's mail carries another client's name or address, nor the trainer's notes
        record Person(String address, String first, String last) {}
        List<Person> people = List.of(new Person(annAddress, "Annelize", "Botha"),
                new Person(benAddress, "Bongani", "Cele"), new Person(casAddress, "Chantal", "Dlamini"));
        for (Person recipient : people) {
            for (MimeMessage message : messagesTo(recipient.address())) {
                String everything = ReceivedInvitation.of(message).everything();
                String headers = java.util.Collections.list(message.getAllHeaderLines()).toString();
                assertThat(everything).doesNotContain("asthma").doesNotContain("hypertension");
                for (Person other : people) {
                    if (other != recipient) {
                        assertThat(everything + headers).as("mail to " + recipient.first())
                                .doesNotContain(other.address()).doesNotContain(other.first())
                                .doesNotContain(other.last());
                    }
                }
            }
        }
    }

    private static String inDays(int days, String time) {
        return java.time.LocalDate.now(java.time.ZoneId.of("Africa/Johannesburg")).plusDays(days) + "T" + time
                + ":00+02:00";
    }

    /** Waits until the sync engine has no work left for this trainer: only then can "nothing more" be asserted. */
    private void drained(ApiClient api) {
        String trainerId = api.get("/api/v1/me").json().get("id").stringValue();
        Eventually.await(WAIT, "sync work drained", () -> jdbc.sql(
                "SELECT count(*) FROM sync_pending WHERE trainer_id = CAST(? AS uuid)").param(trainerId)
                .query(Integer.class).single() == 0);
    }

    private ApiClient connectedTrainer(boolean sendToClients) {
        ApiClient api = newTrainer();
        var response = api.put("/api/v1/calendar-sync/connections/email", """
                {"trainer_address":"%s","send_to_clients":%s}""".formatted(trainerAddress, sendToClients));
        assertThat(response.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calendar-sync/preferences").json().get("email_calendar_enabled").booleanValue())
                .isTrue();
        return api;
    }

    private static String book(ApiClient api, String client, String startsAt, String location, String notes) {
        var response = api.post("/api/v1/bookings", """
                {"client_id":"%s","starts_at":"%s","duration_minutes":60,"location":%s,"notes":%s}"""
                .formatted(client, startsAt, json(location), json(notes)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").stringValue();
    }

    /**
     * Sends what a client's calendar sends when they answer: the invitation turned into a REPLY (RFC 5546 3.2.3)
     * with their PARTSTAT, mailed from {@code from} to the organizer address.
     */
    private static void answer(ReceivedInvitation invitation, String attendee, String from, String partStat,
            int sequence) throws Exception {
        var calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(invitation.inlineIcs()));
        calendar.replace(new net.fortuna.ical4j.model.property.Method("REPLY"));
        net.fortuna.ical4j.model.component.VEvent event = calendar
                .<net.fortuna.ical4j.model.component.VEvent>getComponent(net.fortuna.ical4j.model.Component.VEVENT)
                .orElseThrow();
        event.replace(new net.fortuna.ical4j.model.property.Attendee(
                new net.fortuna.ical4j.model.ParameterList(List.of(new net.fortuna.ical4j.model.parameter.PartStat(
                        partStat))), java.net.URI.create("mailto:" + attendee)));
        event.replace(new net.fortuna.ical4j.model.property.Sequence(sequence));
        var props = new java.util.Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(SMTP_PORT));
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(FROM));
        message.setSubject("Accepted: your session");
        message.setContent(calendar.toString(), "text/calendar; method=REPLY; charset=UTF-8");
        jakarta.mail.Transport.send(message);
    }

    private static String replyOf(ApiClient api, String booking) {
        var replies = api.get("/api/v1/bookings/" + booking + "/replies").json();
        return replies.isEmpty() ? null : replies.get(0).get("status").stringValue();
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static tools.jackson.databind.JsonNode emailStatus(ApiClient api) {
        for (var row : api.get("/api/v1/calendar-sync/status").json()) {
            if (row.get("provider").stringValue().equals("email")) {
                return row;
            }
        }
        throw new AssertionError("no email status row");
    }

    private static List<String> attendees(ReceivedInvitation mail) {
        return mail.event().getProperties(Property.ATTENDEE).stream().map(Property::getValue).toList();
    }

    private static List<MimeMessage> awaitMessages(String address, int count) {
        return Eventually.get(WAIT, () -> {
            List<MimeMessage> messages = messagesTo(address);
            assertThat(messages).as("messages to " + address).hasSizeGreaterThanOrEqualTo(count);
            return messages;
        });
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to)
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** Waits until no sync work is due or running, so that what has not been sent by then never will be. */
    private void pause() {
        Eventually.await(WAIT, "due sync work done", () -> jdbc.sql("""
                SELECT (SELECT count(*) FROM sync_pending WHERE due_at IS NOT NULL AND due_at <= now())
                     + (SELECT count(*) FROM scheduled_tasks WHERE task_name = 'reconcile-booking'
                          AND (picked OR execution_time <= now()))""").query(Integer.class).single() == 0);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A day this many days ahead in Johannesburg: every session these tests book stays in the future. */
    private static java.time.LocalDate ahead(int days) {
        return java.time.LocalDate.now(java.time.ZoneId.of("Africa/Johannesburg")).plusDays(days);
    }

    /** The date as the invitation's text writes it ("4 March 2031"). */
    private static String longDate(java.time.LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH));
    }
}
