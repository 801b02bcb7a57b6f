package app.spotter.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.spotter.booking.BookingEvent.BookingCancelled;
import app.spotter.booking.BookingEvent.BookingDeleted;
import app.spotter.booking.BookingEvent.BookingEdited;
import app.spotter.booking.BookingEvent.BookingRescheduled;
import app.spotter.booking.BookingEvent.BookingScheduled;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookingTest {

    private static final Instant NINE = Instant.parse("2026-12-01T07:00:00Z");
    private final UUID trainer = UUID.randomUUID();

    private BookingDetails at(Instant start, int minutes) {
        return new BookingDetails(UUID.randomUUID(), start, start.plusSeconds(minutes * 60L), SessionType.ONE_ON_ONE,
                null, null, null);
    }

    private Booking loaded(BookingDetails details, BookingStatus status) {
        return new Booking(UUID.randomUUID(), trainer, details, status, 3);
    }

    @Test
    void schedulingRecordsBookingScheduled() {
        Booking b = Booking.schedule(UUID.randomUUID(), trainer, at(NINE, 60));
        assertThat(b.status()).isEqualTo(BookingStatus.SCHEDULED);
        assertThat(b.events()).singleElement().isInstanceOf(BookingScheduled.class);
    }

    @Test
    void movingTheTimeIsARescheduleThatRaisesTheSequence() {
        BookingDetails d = at(NINE, 60);
        Booking b = loaded(d, BookingStatus.SCHEDULED);
        b.change(at(NINE.plusSeconds(3600), 60).withClient(d.clientId()));
        assertThat(b.sequence()).isEqualTo(4);
        assertThat(b.events()).singleElement().isInstanceOf(BookingRescheduled.class);
    }

    @Test
    void changingOnlyTheLocationIsAnEdit() {
        BookingDetails d = at(NINE, 60);
        Booking b = loaded(d, BookingStatus.SCHEDULED);
        b.change(new BookingDetails(d.clientId(), d.startsAt(), d.endsAt(), d.sessionType(), "Park", null, null));
        assertThat(b.events()).singleElement().isInstanceOf(BookingEdited.class);
    }

    @Test
    void anUnchangedSaveRecordsNothingAndKeepsTheSequence() {
        BookingDetails d = at(NINE, 60);
        Booking b = loaded(d, BookingStatus.SCHEDULED);
        b.change(d);
        assertThat(b.events()).isEmpty();
        assertThat(b.sequence()).isEqualTo(3);
    }

    @Test
    void cancellingRecordsBookingCancelledOnce() {
        Booking b = loaded(at(NINE, 60), BookingStatus.SCHEDULED);
        b.cancel();
        assertThat(b.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(b.events()).singleElement().isInstanceOf(BookingCancelled.class);
        assertThatThrownBy(b::cancel).isInstanceOf(Booking.IllegalBookingTransition.class)
                .hasMessage("A cancelled booking cannot cancel.");
    }

    @Test
    void aCancelledBookingCannotBeChangedButCanBeDeleted() {
        Booking b = loaded(at(NINE, 60), BookingStatus.CANCELLED);
        assertThatThrownBy(() -> b.change(at(NINE, 30))).isInstanceOf(Booking.IllegalBookingTransition.class);
        b.delete();
        assertThat(b.events()).singleElement().isInstanceOf(BookingDeleted.class);
        assertThatThrownBy(b::delete).isInstanceOf(Booking.IllegalBookingTransition.class);
    }

    @Test
    void restoringACancelledBookingSchedulesItAgainWithAHigherSequence() {
        Booking b = loaded(at(NINE, 60), BookingStatus.CANCELLED);
        b.restore();
        assertThat(b.status()).isEqualTo(BookingStatus.SCHEDULED);
        assertThat(b.sequence()).isEqualTo(4);
        assertThat(b.events()).singleElement().isInstanceOf(BookingEvent.BookingRestored.class);
    }

    @Test
    void onlyACancelledBookingCanBeRestored() {
        for (BookingStatus status : new BookingStatus[] {BookingStatus.SCHEDULED, BookingStatus.DELETED}) {
            Booking b = loaded(at(NINE, 60), status);
            assertThatThrownBy(b::restore).isInstanceOf(Booking.IllegalBookingTransition.class)
                    .hasMessage("A " + status.value() + " booking cannot be restored.");
            assertThat(b.events()).isEmpty();
        }
    }

    @Test
    void aBookingEndsAfterItStartsAndLastsAtMostADay() {
        assertThatThrownBy(() -> Booking.schedule(UUID.randomUUID(), trainer,
                new BookingDetails(UUID.randomUUID(), NINE, NINE, SessionType.GROUP, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Booking.schedule(UUID.randomUUID(), trainer, at(NINE, 25 * 60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
