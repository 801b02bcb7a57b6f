package app.spotter.sync.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decide, then apply, per recipient: from what one recipient's copy should be now and what was last sent in that
 * place (the trainer's copy, or the client's copy), the emails to send. Pure, so every case is a table row.
 *
 * <p>SEQUENCE: RFC 5546 2.1.4 orders revisions by SEQUENCE, and a calendar ignores a REQUEST or CANCEL whose
 * SEQUENCE is not above the one it holds. A copy can change without the booking changing (the trainer's copy
 * follows {@code timezone_display}), so each re-sent copy goes above what that address last got.
 */
final class CopyDecision {

    private CopyDecision() {}

    /**
     * @param desired the copy as it should be, or null when nobody should get it (no address, client invitations
     *     off, booking cancelled)
     * @param sent what was last sent in this place, or null
     * @param bookingSequence the booking's own SEQUENCE, raised by each change to the booking
     */
    static List<CopyStep> decide(Copy desired, SentCopy sent, int bookingSequence) {
        List<CopyStep> steps = new ArrayList<>(2);
        boolean sameRecipient = desired != null && sent != null && sameAddress(desired.address(), sent.address())
                && Objects.equals(desired.clientId(), sent.clientId());
        if (sent != null && !sameRecipient) {
            steps.add(new CopyStep.Cancel(sent, Math.max(bookingSequence, sent.sequence() + 1)));
        }
        if (desired == null) {
            return steps;
        }
        if (!sameRecipient) {
            steps.add(new CopyStep.Request(desired, bookingSequence, true));
        } else if (!desired.fingerprint().equals(sent.fingerprint())) {
            int sequence = Math.max(bookingSequence, sent.sequence() + 1);
            List<SeriesParts.Exception> exceptions = desired.parts() == null ? null
                    : desired.parts().exceptionsSince(sent.parts());
            if (exceptions == null || exceptions.isEmpty()) {
                steps.add(new CopyStep.Request(desired, sequence, false));
            } else {
                steps.addAll(occurrences(desired, sent, exceptions, sequence));
            }
        }
        return steps;
    }

    /**
     * Only exceptions of a series changed (sessions moved, edited or cancelled on their own): one message per
     * exception (RFC 5546 3.2.2 / 3.2.5 with RECURRENCE-ID), each above the last SEQUENCE, in date order.
     */
    private static List<CopyStep> occurrences(Copy desired, SentCopy sent, List<SeriesParts.Exception> exceptions,
            int firstSequence) {
        List<CopyStep> steps = new ArrayList<>(exceptions.size());
        SeriesParts held = sent.parts();
        for (int i = 0; i < exceptions.size(); i++) {
            SeriesParts.Exception exception = exceptions.get(i);
            held = desired.parts().after(held, exception);
            boolean last = i == exceptions.size() - 1;
            int sequence = firstSequence + i;
            steps.add(new CopyStep.Occurrence(desired, exception.recurrenceId(), exception.cancel(), sequence,
                    new SentCopy(desired.client(), desired.clientId(), desired.address(),
                            last ? desired.fingerprint() : sent.fingerprint(), sequence,
                            last ? desired.parts() : held)));
        }
        return steps;
    }

    /** RFC 5321 2.4: the domain is case-insensitive; the local part is treated so by every provider in use. */
    static boolean sameAddress(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
