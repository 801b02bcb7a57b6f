package app.spotter.sync.email;

import app.spotter.booking.Replies;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads clients' answers from the organizer mailbox over IMAP (IMAPS unless {@code spotter.mail.imap.ssl=false})
 * and records them: the unread messages are read, each is decided by {@link ReplyDecision} and marked read once
 * handled, whatever it was, so a message is looked at once (again only after a crash mid-way). Bounded like every remote call: connect and read deadlines, at most
 * {@link #BATCH} messages a pass, and no message over {@link ReplyReader#MAX_PART} is parsed. Two instances reading
 * the same mailbox are harmless: recording an answer twice changes nothing and the trainer hears of a decline once.
 */
@Component
@ConditionalOnExpression("!'${spotter.mail.imap.host:}'.isBlank()")
class ReplyPoller {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ReplyPoller.class);

    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final EmailCopyStore copies;
    private final Replies replies;
    private final DeclineNotifier notifier;
    private final Clock clock;

    ReplyPoller(@Value("${spotter.mail.imap.host}") String host,
            @Value("${spotter.mail.imap.port:0}") int port,
            @Value("${spotter.mail.imap.username:}") String username,
            @Value("${spotter.mail.imap.password:}") String password,
            @Value("${spotter.mail.imap.ssl:true}") boolean ssl,
            @Value("${spotter.mail.imap.deadline:20s}") Duration deadline,
            EmailCopyStore copies, Replies replies, DeclineNotifier notifier, Clock clock) {
        String protocol = ssl ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        String millis = Long.toString(deadline.toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        // reading a body must not mark it read: it is marked only once handled, so a crash mid-way reads it again
        // (recording an answer twice changes nothing)
        props.put("mail." + protocol + ".peek", "true");
        this.session = Session.getInstance(props);
        this.host = host.strip();
        this.port = port > 0 ? port : (ssl ? 993 : 143);
        this.username = username;
        this.password = password;
        this.copies = copies;
        this.replies = replies;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${spotter.mail.imap.interval:PT30S}",
            fixedDelayString = "${spotter.mail.imap.interval:PT30S}")
    void poll() {
        try (Store store = session.getStore()) {
            store.connect(host, port, username, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (Message message : Arrays.copyOf(unread, Math.min(unread.length, BATCH))) {
                    handle(message);
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Could not read clients' replies from {}: {}", host, e.getMessage());
        }
    }

    private void handle(Message message) throws MessagingException {
        if (message.getSize() > ReplyReader.MAX_PART * 2) {
            return;
        }
        ReplyReader.read(message).ifPresent(reply -> {
            List<ReplyDecision.SentTo> sent = ReplyDecision.bookingOf(reply.uid())
                    .map(copies::clientCopiesOf).orElse(List.of());
            apply(ReplyDecision.decide(reply, sent));
        });
    }

    private void apply(ReplyDecision.ReplyAction action) {
        switch (action) {
            case ReplyDecision.ReplyAction.Record r -> {
                Replies.Outcome outcome = replies.record(r.trainerId(), r.bookingId(), r.clientId(), r.reply(),
                        r.sequence(), clock.instant());
                if (outcome.newDecline(r.reply())) {
                    notifier.declined(r.trainerId(), r.bookingId(), r.clientId());
                }
            }
            case ReplyDecision.ReplyAction.Ignore i -> log.info("Ignored a message in the organizer mailbox: it {}",
                    i.why());
        }
    }
}
