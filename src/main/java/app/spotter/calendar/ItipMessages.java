package app.spotter.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;

/** iTIP messages for iMIP email (RFC 5546, RFC 6047): the only objects that carry ORGANIZER and ATTENDEE. */
final class ItipMessages {

    private ItipMessages() {}

    static Calendar build(
            CalendarCommon common,
            CalendarEvent e,
            String summary,
            Organizer organizer,
            List<Attendee> attendees,
            ItipMethod method,
            Instant stamp) {
        if (method == ItipMethod.REQUEST && e.cancelled()) {
            throw new IllegalArgumentException("a cancelled booking is sent as CANCEL, not REQUEST");
        }
        if (attendees.isEmpty()) {
            throw new IllegalArgumentException("an iTIP " + method + " needs at least one attendee");
        }
        Optional<TimeZones.Definition> zone = common.zones().definition(e.zone(), e.start(), e.end(), stamp);
        if (e.repeating() != null) {
            return common.calendar(List.of(method.property()), CalendarObjects.usedTimeZone(e, zone),
                    series(e, summary, organizer, attendees, method, stamp, zone));
        }
        List<Property> properties = new ArrayList<>(EventProperties.of(e, summary, stamp, zone));
        if (method == ItipMethod.CANCEL) {
            // RFC 5546 3.2.5: the whole event is cancelled, so STATUS says so whatever the booking row says
            properties.removeIf(p -> p instanceof Status);
            properties.add(ImmutableStatus.VEVENT_CANCELLED);
        }
        properties.add(new net.fortuna.ical4j.model.property.Organizer(
                CalendarAddresses.commonName(organizer.name()), CalendarAddresses.mailto(organizer.email())));
        for (Attendee attendee : attendees) {
            properties.add(attendee(attendee));
        }
        VEvent event = new VEvent(new PropertyList(properties));
        return common.calendar(
                List.of(method.property()), CalendarObjects.usedTimeZone(e, zone), List.of(event));
    }

    /**
     * A series in one message (RFC 5546 3.2.2: a REQUEST may carry the master and its overrides together): the rule,
     * its exclusions and its changed occurrences, each component with ORGANIZER and ATTENDEEs. One message per
     * change of the series, however many weeks it covers; a CANCEL cancels the whole series (3.2.5).
     */
    private static List<VEvent> series(CalendarEvent e, String summary, Organizer organizer, List<Attendee> attendees,
            ItipMethod method, Instant stamp, Optional<TimeZones.Definition> zone) {
        CalendarEvent shown = summary.equals(e.summary()) ? e : new CalendarEvent(e.bookingId(), e.trainerId(),
                e.clientId(), e.uid(), summary, e.sessionType(), e.location(), e.start(), e.end(), e.zone(),
                e.colorHex(), e.sequence(), e.cancelled(), e.repeating());
        List<VEvent> components = method == ItipMethod.CANCEL
                ? SeriesComponents.of(withoutOverrides(shown), stamp, zone) : SeriesComponents.of(shown, stamp, zone);
        List<VEvent> result = new ArrayList<>(components.size());
        for (VEvent component : components) {
            List<Property> properties = new ArrayList<>(component.getProperties());
            if (method == ItipMethod.CANCEL) {
                properties.removeIf(p -> p instanceof Status);
                properties.add(ImmutableStatus.VEVENT_CANCELLED);
            }
            properties.add(new net.fortuna.ical4j.model.property.Organizer(
                    CalendarAddresses.commonName(organizer.name()), CalendarAddresses.mailto(organizer.email())));
            for (Attendee attendee : attendees) {
                properties.add(attendee(attendee));
            }
            result.add(new VEvent(new PropertyList(properties)));
        }
        return result;
    }

    /**
     * One occurrence of a series in a message of its own: a REQUEST carrying only that occurrence's override (it
     * moved or changed), or a CANCEL of that occurrence alone (RFC 5546 3.2.5: "a specific instance ... identified
     * by RECURRENCE-ID"). The recipient keeps the rest of the series as it was (RFC 6047: one iTIP object per
     * message), so a change of one session is one short email, not the whole series again.
     */
    static Calendar occurrence(CalendarCommon common, CalendarEvent series, String summary, Instant recurrenceId,
            Organizer organizer, List<Attendee> attendees, ItipMethod method, Instant stamp) {
        if (attendees.isEmpty()) {
            throw new IllegalArgumentException("an iTIP " + method + " needs at least one attendee");
        }
        CalendarEvent one = series.occurrence(recurrenceId);
        CalendarEvent shown = new CalendarEvent(one.bookingId(), one.trainerId(), one.clientId(), one.uid(), summary,
                one.sessionType(), one.location(), one.start(), one.end(), one.zone(), one.colorHex(),
                one.sequence(), false, one.clientIds(), null);
        Optional<TimeZones.Definition> zone = common.zones().definition(series.zone(), series.start(), series.end(),
                stamp);
        List<Property> extra = new ArrayList<>();
        extra.add(new net.fortuna.ical4j.model.property.Organizer(
                CalendarAddresses.commonName(organizer.name()), CalendarAddresses.mailto(organizer.email())));
        for (Attendee attendee : attendees) {
            extra.add(attendee(attendee));
        }
        VEvent component = SeriesComponents.occurrence(shown, recurrenceId, stamp, zone, extra);
        if (method == ItipMethod.CANCEL) {
            List<Property> properties = new ArrayList<>(component.getProperties());
            properties.removeIf(p -> p instanceof Status);
            properties.add(ImmutableStatus.VEVENT_CANCELLED);
            component = new VEvent(new PropertyList(properties));
        }
        return common.calendar(List.of(method.property()), CalendarObjects.usedTimeZone(series, zone),
                List.of(component));
    }

    private static CalendarEvent withoutOverrides(CalendarEvent e) {
        Repeating r = e.repeating();
        return new CalendarEvent(e.bookingId(), e.trainerId(), e.clientId(), e.uid(), e.summary(), e.sessionType(),
                e.location(), e.start(), e.end(), e.zone(), e.colorHex(), e.sequence(), e.cancelled(),
                new Repeating(r.intervalWeeks(), r.days(), r.until(), r.count(), r.exdates(), List.of()));
    }

    // RFC 5546 3.2.5: a CANCEL lists the same attendees. RSVP=TRUE only when Spotter reads the organizer mailbox
    // (RFC 5545 3.2.17): an answer asked for and sent to an address nobody reads would look heard to the client
    private static net.fortuna.ical4j.model.property.Attendee attendee(Attendee attendee) {
        ParameterList parameters = CalendarAddresses.commonName(attendee.name())
                .add(Role.REQ_PARTICIPANT)
                .add(PartStat.NEEDS_ACTION)
                .add(attendee.rsvp() ? Rsvp.TRUE : Rsvp.FALSE);
        return new net.fortuna.ical4j.model.property.Attendee(parameters, CalendarAddresses.mailto(attendee.email()));
    }
}
