package app.spotter.sync.engine;

import app.spotter.sync.ReadResult;
import app.spotter.sync.RemoteSnapshot;
import java.time.Instant;

/**
 * Decide, then apply: what a change made in the trainer's own calendar means, from what the calendar holds now and
 * what the booking is. Pure, so every case is a row of its table test.
 *
 * <p>The trainer's time is taken as their intent (a move reschedules); Spotter owns the rest of the content
 * (a title, description or colour edit is put back). A deletion never cancels: the session is flagged and the
 * trainer chooses. A repeating session is one calendar object for the whole series: where the calendar reports its
 * rule and overrides, {@link SeriesChangeDecision} decides occurrence by occurrence; what it cannot read that way
 * is put back here with a notice, and a deleted series object is flagged as a deleted session is.
 */
final class RemoteChangeDecision {

    private RemoteChangeDecision() {}

    /**
     * The booking as Spotter holds it.
     *
     * @param scheduled it is scheduled (not cancelled or deleted); for a series' anchor: a session of the series
     *     is (its first session may have been cancelled alone, and the object still holds the others)
     * @param inSeries it is (the anchor of) a repeating series
     * @param changedSinceOurWrite the booking changed since Spotter last wrote it to this calendar, or a write of
     *     it is in flight: a move there was made on top of an older version
     */
    record BookingNow(boolean scheduled, Instant start, Instant end, boolean inSeries, boolean changedSinceOurWrite) {

        static final BookingNow ABSENT = new BookingNow(false, null, null, false, false);
    }

    /**
     * @param booking the booking now ({@link BookingNow#ABSENT} when it no longer exists)
     * @param remote what reading the event back found; null when the calendar cannot be read back or the object is
     *     not one Spotter can read
     * @param calendar the calendar's name for the trainer ("Apple Calendar")
     */
    static RemoteChange decide(BookingNow booking, ReadResult remote, String calendar) {
        boolean gone = remote instanceof ReadResult.Gone
                || remote instanceof ReadResult.Found f && f.snapshot().cancelled();
        if (gone) {
            if (!booking.scheduled()) {
                // nothing is left to ask the trainer about a session (or a series) with nothing scheduled, and
                // reconciliation settles the copy: a cancelled one stays out
                return new RemoteChange.Forget();
            }
            if (booking.inSeries() && booking.changedSinceOurWrite()) {
                // deleted on top of an older version while a change of the series made in Spotter is unsent or in
                // flight: Spotter's change stands, with a notice, as for any change made there meanwhile; the push
                // that meets the deletion first decides it the same way (ProviderStep), so the order does not matter
                return new RemoteChange.PutBack("Deleted in " + calendar + " while the repeating series was being "
                        + "changed in Spotter; Spotter's series was put back.");
            }
            if (booking.inSeries()) {
                return new RemoteChange.FlagSeriesRemoved();
            }
            return new RemoteChange.FlagRemoved();
        }
        if (!booking.scheduled()) {
            return new RemoteChange.Ignore("the session is not scheduled: its own sync removes the event");
        }
        if (!(remote instanceof ReadResult.Found found)) {
            return new RemoteChange.PutBack("Edited in " + calendar + "; Spotter's version was put back.");
        }
        RemoteSnapshot there = found.snapshot();
        boolean moved = !there.start().equals(booking.start()) || !there.end().equals(booking.end());
        if (!moved) {
            return new RemoteChange.PutBack("Title, description or colour edited in " + calendar
                    + "; Spotter's were put back.");
        }
        if (booking.inSeries() || there.repeating()) {
            return new RemoteChange.PutBack("Moved in " + calendar + "; repeating sessions are moved in Spotter, "
                    + "so the series was put back.");
        }
        if (!there.end().isAfter(there.start())) {
            return new RemoteChange.PutBack("Moved in " + calendar + " to a time that ends before it starts; "
                    + "put back.");
        }
        if (booking.changedSinceOurWrite()) {
            return new RemoteChange.PutBack("Moved in " + calendar + " while it was being changed in Spotter; "
                    + "Spotter's time was put back.");
        }
        return new RemoteChange.Reschedule(there.start(), there.end());
    }
}
