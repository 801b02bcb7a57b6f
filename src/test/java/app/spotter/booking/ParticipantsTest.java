package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.booking.BookingEvent.BookingEdited;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParticipantsTest {

    private static final Instant NINE = Instant.parse("2026-12-01T07:00:00Z");
    private final UUID trainer = UUID.randomUUID();
    private final UUID ann = UUID.randomUUID();
    private final UUID ben = UUID.randomUUID();
    private final UUID cas = UUID.randomUUID();

    private static BookingDetails group(UUID first) {
        return new BookingDetails(first, NINE, NINE.plusSeconds(3600), SessionType.GROUP, "Park", null, null);
    }

    private Booking loaded(List<UUID> clients, Integer capacity) {
        return new Booking(UUID.randomUUID(), trainer, group(clients.getFirst()), BookingStatus.SCHEDULED, 2,
                clients.stream().map(c -> new Participant(c, null)).toList(), capacity, null, false);
    }

    @Test
    void capacityIsEightForAGroupAndOneForEveryOtherSessionType() {
        for (SessionType type : SessionType.values()) {
            assertThat(type.defaultCapacity()).as(type.value()).isEqualTo(type == SessionType.GROUP ? 8 : 1);
        }
    }

    @Test
    void aGroupSessionHoldsUpToItsCapacityAndNoMore() {
        List<UUID> eight = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        Booking full = Booking.schedule(UUID.randomUUID(), trainer, group(eight.getFirst()), eight, null);
        assertThat(full.clientIds()).containsExactlyElementsOf(eight);
        assertThat(full.capacity()).isEqualTo(8);

        List<UUID> nine = IntStream.range(0, 9).mapToObj(i -> UUID.randomUUID()).toList();
        assertThatThrownBy(() -> Booking.schedule(UUID.randomUUID(), trainer, group(nine.getFirst()), nine, null))
                .isInstanceOf(Booking.InvalidParticipants.class).hasMessageContaining("at most 8 clients");
    }

    @Test
    void aOneOnOneSessionRefusesASecondClientUnlessItsCapacityIsRaised() {
        BookingDetails oneOnOne = new BookingDetails(ann, NINE, NINE.plusSeconds(3600), SessionType.ONE_ON_ONE,
                null, null, null);
        assertThatThrownBy(() -> Booking.schedule(UUID.randomUUID(), trainer, oneOnOne, List.of(ann, ben), null))
                .isInstanceOf(Booking.InvalidParticipants.class).hasMessageContaining("at most 1 client");
        Booking pair = Booking.schedule(UUID.randomUUID(), trainer, oneOnOne, List.of(ann, ben), 2);
        assertThat(pair.capacity()).isEqualTo(2);
    }

    @Test
    void noClientsOrTheSameClientTwiceIsRefused() {
        assertThatThrownBy(() -> Booking.schedule(UUID.randomUUID(), trainer, group(ann), List.of(), null))
                .isInstanceOf(Booking.InvalidParticipants.class);
        assertThatThrownBy(() -> Booking.schedule(UUID.randomUUID(), trainer, group(ann), List.of(ann, ann), null))
                .isInstanceOf(Booking.InvalidParticipants.class).hasMessageContaining("once");
    }

    @Test
    void addingAParticipantIsAnEditThatRaisesTheSequenceAndTheFirstStaysTheBookingsClient() {
        Booking b = loaded(List.of(ann), null);
        b.change(b.details(), List.of(ann, ben), null);
        assertThat(b.clientIds()).containsExactly(ann, ben);
        assertThat(b.details().clientId()).isEqualTo(ann);
        assertThat(b.sequence()).isEqualTo(3);
        assertThat(b.events()).singleElement().isInstanceOf(BookingEdited.class);
    }

    @Test
    void removingTheFirstParticipantMakesTheNextOneTheBookingsClient() {
        Booking b = loaded(List.of(ann, ben), null);
        b.change(b.details(), List.of(ben), null);
        assertThat(b.details().clientId()).isEqualTo(ben);
        assertThat(b.clientIds()).containsExactly(ben);
    }

    @Test
    void theSameParticipantsAgainChangeNothing() {
        Booking b = loaded(List.of(ann, ben), null);
        b.change(b.details(), List.of(ann, ben), null);
        assertThat(b.sequence()).isEqualTo(2);
        assertThat(b.events()).isEmpty();
    }

    @Test
    void aParticipantWhoStaysKeepsTheirAttendanceMark() {
        Booking b = new Booking(UUID.randomUUID(), trainer, group(ann), BookingStatus.SCHEDULED, 2,
                List.of(new Participant(ann, Attendance.ATTENDED), new Participant(ben, null)), null, null, false);
        b.change(b.details(), List.of(ann, cas), null);
        assertThat(b.participants()).containsExactly(new Participant(ann, Attendance.ATTENDED),
                new Participant(cas, null));
    }

    @Test
    void aSingleClientChangeReplacesEveryParticipantByThatClient() {
        Booking b = loaded(List.of(ann, ben), null);
        b.change(group(cas));
        assertThat(b.clientIds()).containsExactly(cas);
    }

    @Test
    void turningAFullGroupIntoAOneOnOneIsRefused() {
        Booking b = loaded(List.of(ann, ben), null);
        BookingDetails oneOnOne = new BookingDetails(ann, NINE, NINE.plusSeconds(3600), SessionType.ONE_ON_ONE,
                "Park", null, null);
        assertThatThrownBy(() -> b.change(oneOnOne)).isInstanceOf(Booking.InvalidParticipants.class);
        assertThatThrownBy(() -> b.change(b.details(), List.of(ann, ben), 1))
                .isInstanceOf(Booking.InvalidParticipants.class);
    }

    @Test
    void aLateCancellationMarksEveryUnmarkedParticipantLateAndRestoringTakesTheMarksBack() {
        Booking b = new Booking(UUID.randomUUID(), trainer, group(ann), BookingStatus.SCHEDULED, 2,
                List.of(new Participant(ann, Attendance.NO_SHOW), new Participant(ben, null)), null, null, false);
        b.cancel("Rain", true);
        assertThat(b.cancelReason()).isEqualTo("Rain");
        assertThat(b.lateCancel()).isTrue();
        assertThat(b.participants()).containsExactly(new Participant(ann, Attendance.NO_SHOW),
                new Participant(ben, Attendance.LATE_CANCEL));

        b.restore();
        assertThat(b.cancelReason()).isNull();
        assertThat(b.lateCancel()).isFalse();
        assertThat(b.participants()).containsExactly(new Participant(ann, Attendance.NO_SHOW),
                new Participant(ben, null));
    }

    @Test
    void aCancellationOutsideTheWindowMarksNobody() {
        Booking b = loaded(List.of(ann, ben), null);
        b.cancel(null, false);
        assertThat(b.lateCancel()).isFalse();
        assertThat(b.participants()).allSatisfy(p -> assertThat(p.attendance()).isNull());
    }

    @Test
    void attendedAndNoShowNeedTheSessionToHaveStarted() {
        Booking b = loaded(List.of(ann, ben), null);
        assertThatThrownBy(() -> b.mark(ann, Attendance.ATTENDED, NINE.minusSeconds(60)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not started");
        assertThat(b.mark(ann, Attendance.ATTENDED, NINE.plusSeconds(60))).isTrue();
        assertThat(b.mark(ann, Attendance.ATTENDED, NINE.plusSeconds(60))).as("same mark again").isFalse();
        assertThat(b.mark(ben, Attendance.LATE_CANCEL, NINE.minusSeconds(3600))).as("told us late").isTrue();
        assertThat(b.participants()).containsExactly(new Participant(ann, Attendance.ATTENDED),
                new Participant(ben, Attendance.LATE_CANCEL));
        assertThat(b.sequence()).as("attendance is no calendar change").isEqualTo(2);
    }

    @Test
    void onlyParticipantsCanBeMarkedAndACancelledSessionOnlyAsLateCancel() {
        Booking b = loaded(List.of(ann), null);
        assertThatThrownBy(() -> b.mark(cas, Attendance.ATTENDED, NINE.plusSeconds(60)))
                .isInstanceOf(Booking.InvalidParticipants.class);
        b.cancel(null, false);
        assertThatThrownBy(() -> b.mark(ann, Attendance.ATTENDED, NINE.plusSeconds(60)))
                .isInstanceOf(Booking.IllegalBookingTransition.class);
        assertThat(b.mark(ann, Attendance.LATE_CANCEL, NINE.plusSeconds(60))).isTrue();
    }

    @Test
    void participantsAreReadBackInOrderWithTheirMarks() {
        assertThat(BookingRepository.participants(ann + ":attended," + ben + ":", ann))
                .containsExactly(new Participant(ann, Attendance.ATTENDED), new Participant(ben, null));
        assertThat(BookingRepository.participants(null, ann)).as("a row without participant rows")
                .containsExactly(new Participant(ann, null));
    }
}
