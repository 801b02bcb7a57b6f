package app.spotter.sync.email;

import app.spotter.booking.Reply;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what one message of the organizer mailbox means, with no I/O: the answer of an invited client to record,
 * or the reason it is ignored. The invitation is known by the copies Spotter sent for the UID's booking.
 */
final class ReplyDecision {

    /** What to do with one message. */
    sealed interface ReplyAction {
        /** Record this client's answer to this version of the booking. */
        record Record(UUID trainerId, UUID bookingId, UUID clientId, Reply reply, int sequence) implements ReplyAction {}

        /** Leave it; {@code why} in words, naming no person (it is logged). */
        record Ignore(String why) implements ReplyAction {}
    }

    /** One copy Spotter sent of the booking: who received it and the SEQUENCE it carried. */
    record SentTo(UUID trainerId, UUID clientId, String address, int sequence) {}

    private ReplyDecision() {}

    /** The booking a Spotter UID names ({@code <booking uuid>@<domain>}); empty for any other UID. */
    static Optional<UUID> bookingOf(String uid) {
        if (uid == null) {
            return Optional.empty();
        }
        int at = uid.indexOf('@');
        try {
            return Optional.of(UUID.fromString(at < 0 ? uid.strip() : uid.substring(0, at).strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @param clientCopies the client copies sent for the booking the UID names (empty when none or unknown) */
    static ReplyAction decide(ReceivedReply reply, List<SentTo> clientCopies) {
        if (reply.method() == null || !"REPLY".equalsIgnoreCase(reply.method().strip())) {
            return new ReplyAction.Ignore("not an iTIP REPLY (METHOD " + reply.method() + ")");
        }
        Optional<UUID> booking = bookingOf(reply.uid());
        if (booking.isEmpty() || clientCopies.isEmpty()) {
            return new ReplyAction.Ignore("answers no invitation Spotter sent");
        }
        String attendee = normal(reply.attendee());
        Optional<SentTo> copy = clientCopies.stream().filter(c -> normal(c.address()).equals(attendee)).findFirst();
        if (copy.isEmpty()) {
            // RFC 5546 3.2.3: a REPLY comes from an attendee; someone who was not invited has no answer to give
            return new ReplyAction.Ignore("comes from someone who was not invited");
        }
        if (!attendee.equals(normal(reply.from()))) {
            // the answer must come from the invited address itself: anyone can write an ATTENDEE line
            return new ReplyAction.Ignore("was sent from another address than the invited one");
        }
        if (reply.sequence() < copy.get().sequence()) {
            // RFC 5546 2.1.5: an answer to an older version of the event says nothing about the current one
            return new ReplyAction.Ignore("answers an older version of the invitation");
        }
        Optional<Reply> answer = Reply.ofPartStat(reply.partStat());
        if (answer.isEmpty()) {
            return new ReplyAction.Ignore("carries no answer (PARTSTAT " + reply.partStat() + ")");
        }
        return new ReplyAction.Record(copy.get().trainerId(), booking.get(), copy.get().clientId(), answer.get(),
                reply.sequence());
    }

    private static String normal(String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        if (a.regionMatches(true, 0, "mailto:", 0, 7)) {
            a = a.substring(7);
        }
        return a.toLowerCase(Locale.ROOT);
    }
}
