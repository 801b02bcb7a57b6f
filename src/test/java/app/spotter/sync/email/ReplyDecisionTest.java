package app.spotter.sync.email;

import static org.assertj.core.api.Assertions.assertThat;

import app.spotter.booking.Reply;
import app.spotter.sync.email.ReplyDecision.ReplyAction;
import app.spotter.sync.email.ReplyDecision.SentTo;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyDecisionTest {

    static final UUID TRAINER = UUID.randomUUID();
    static final UUID BOOKING = UUID.randomUUID();
    static final UUID NALEDI = UUID.randomUUID();
    static final String UID = BOOKING + "@spotter.app";
    static final List<SentTo> SENT = List.of(new SentTo(TRAINER, NALEDI, "naledi@example.com", 2));

    static ReceivedReply reply(String method, String uid, int sequence, String attendee, String partStat,
            String from) {
        return new ReceivedReply(method, uid, sequence, attendee, partStat, from);
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("an acceptance of the current version",
                        reply("REPLY", UID, 2, "mailto:naledi@example.com", "ACCEPTED", "naledi@example.com"),
                        SENT, new ReplyAction.Record(TRAINER, BOOKING, NALEDI, Reply.ACCEPTED, 2)),
                Arguments.of("a decline, address in other letter case",
                        reply("REPLY", UID, 2, "MAILTO:Naledi@Example.com", "DECLINED", "NALEDI@example.com"),
                        SENT, new ReplyAction.Record(TRAINER, BOOKING, NALEDI, Reply.DECLINED, 2)),
                Arguments.of("an answer to a later version than Spotter knows (the client's calendar bumped it)",
                        reply("REPLY", UID, 3, "mailto:naledi@example.com", "TENTATIVE", "naledi@example.com"),
                        SENT, new ReplyAction.Record(TRAINER, BOOKING, NALEDI, Reply.TENTATIVE, 3)),
                Arguments.of("an answer to an older version",
                        reply("REPLY", UID, 1, "mailto:naledi@example.com", "DECLINED", "naledi@example.com"),
                        SENT, new ReplyAction.Ignore("answers an older version of the invitation")),
                Arguments.of("an ATTENDEE line written by someone else",
                        reply("REPLY", UID, 2, "mailto:naledi@example.com", "DECLINED", "mallory@example.net"),
                        SENT, new ReplyAction.Ignore("was sent from another address than the invited one")),
                Arguments.of("a stranger answering for themselves",
                        reply("REPLY", UID, 2, "mailto:mallory@example.net", "ACCEPTED", "mallory@example.net"),
                        SENT, new ReplyAction.Ignore("comes from someone who was not invited")),
                Arguments.of("a UID Spotter never sent",
                        reply("REPLY", UUID.randomUUID() + "@spotter.app", 0, "mailto:naledi@example.com",
                                "ACCEPTED", "naledi@example.com"),
                        List.of(), new ReplyAction.Ignore("answers no invitation Spotter sent")),
                Arguments.of("a UID that is not Spotter's form",
                        reply("REPLY", "040000008200E00074C5B7101A82E008@outlook", 0, "mailto:naledi@example.com",
                                "ACCEPTED", "naledi@example.com"),
                        SENT, new ReplyAction.Ignore("answers no invitation Spotter sent")),
                Arguments.of("a forwarded REQUEST, not an answer",
                        reply("REQUEST", UID, 2, "mailto:naledi@example.com", "NEEDS-ACTION", "naledi@example.com"),
                        SENT, new ReplyAction.Ignore("not an iTIP REPLY (METHOD REQUEST)")),
                Arguments.of("a REPLY without an answer",
                        reply("REPLY", UID, 2, "mailto:naledi@example.com", "DELEGATED", "naledi@example.com"),
                        SENT, new ReplyAction.Ignore("carries no answer (PARTSTAT DELEGATED)")),
                Arguments.of("a REPLY with no ATTENDEE at all",
                        reply("REPLY", UID, 2, null, null, "naledi@example.com"),
                        SENT, new ReplyAction.Ignore("comes from someone who was not invited")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void eachMessageOfTheOrganizerMailboxIsRecordedOrIgnoredForItsReason(String what, ReceivedReply reply,
            List<SentTo> sent, ReplyAction expected) {
        assertThat(ReplyDecision.decide(reply, sent)).isEqualTo(expected);
    }
}
