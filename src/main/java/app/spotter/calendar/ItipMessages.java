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
