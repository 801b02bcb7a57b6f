package app.spotter.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Organizer COACH = new Organizer("Coach Sam", "sam@example.com");
    private static final List<Attendee> CLIENT = List.of(new Attendee("Thandi Nkosi", "thandi@example.com"));

    private final CalendarObjects objects = new CalendarObjects(Events.CLOCK);

    @Test
    void anAttendeeIsAskedToAnswerOnlyWhenTheOrganizerMailboxIsRead() {
        var asked = List.of(new Attendee("Thandi Nkosi", "thandi@example.com", true));

        Property attendee = Ics.onlyEvent(Ics.parse(objects.invitation(Events.event(), COACH, asked,
                ItipMethod.REQUEST))).<Property>getProperties(Property.ATTENDEE).getFirst();
        Property notAsked = Ics.onlyEvent(Ics.parse(objects.invitation(Events.event(), COACH, CLIENT,
                ItipMethod.REQUEST))).<Property>getProperties(Property.ATTENDEE).getFirst();

        assertThat(Ics.parameter(attendee, "RSVP")).isEqualTo("TRUE");
        assertThat(Ics.parameter(notAsked, "RSVP")).isEqualTo("FALSE");
    }

    @Test
    void a_request_has_method_organizer_and_an_attendee_asked_to_reply() {
        Calendar calendar = Ics.parse(objects.invitation(Events.event(), COACH, CLIENT, ItipMethod.REQUEST));
        VEvent event = Ics.onlyEvent(calendar);

        assertThat(Ics.value(calendar, "METHOD")).isEqualTo("REQUEST");
        Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getValue()).isEqualTo("mailto:sam@example.com");
        assertThat(Ics.parameter(organizer, "CN")).isEqualTo("Coach Sam");
        Property attendee = event.<Property>getProperties(Property.ATTENDEE).getFirst();
        assertThat(attendee.getValue()).isEqualTo("mailto:thandi@example.com");
        assertThat(Ics.parameter(attendee, "CN")).isEqualTo("Thandi Nkosi");
        assertThat(Ics.parameter(attendee, "ROLE")).isEqualTo("REQ-PARTICIPANT");
        assertThat(Ics.parameter(attendee, "PARTSTAT")).isEqualTo("NEEDS-ACTION");
        assertThat(Ics.parameter(attendee, "RSVP")).isEqualTo("FALSE");
        assertThat(Ics.value(event, "UID")).isEqualTo(Events.UID);
        assertThat(Ics.value(event, "DTSTAMP")).isEqualTo("20260601T081530Z");
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("3");
        assertThat(Ics.value(event, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
    }

    @Test
    void a_cancel_keeps_the_uid_lists_the_attendees_and_says_cancelled() {
        CalendarEvent cancelled = Events.cancelled(Events.event());
        Calendar calendar = Ics.parse(objects.invitation(cancelled, COACH, CLIENT, ItipMethod.CANCEL));
        VEvent event = Ics.onlyEvent(calendar);

        assertThat(Ics.value(calendar, "METHOD")).isEqualTo("CANCEL");
        assertThat(Ics.value(event, "UID")).isEqualTo(Events.UID);
        assertThat(Ics.value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(Ics.value(event, "SEQUENCE")).isEqualTo("4");
        assertThat(event.<Property>getProperties(Property.ATTENDEE))
                .extracting(Property::getValue)
                .containsExactly("mailto:thandi@example.com");
        assertThat(event.getProperty(Property.ORGANIZER)).isPresent();
    }

    @Test
    void a_cancel_says_cancelled_even_for_an_event_not_yet_marked_cancelled() {
        VEvent event = Ics.onlyEvent(Ics.parse(objects.invitation(Events.event(), COACH, CLIENT, ItipMethod.CANCEL)));

        assertThat(Ics.value(event, "STATUS")).isEqualTo("CANCELLED");
    }

    @Test
    void the_clients_copy_can_show_a_different_summary() {
        VEvent event = Ics.onlyEvent(Ics.parse(
                objects.invitation(Events.event(), "1:1 session with Coach Sam", COACH, CLIENT, ItipMethod.REQUEST)));

        assertThat(event.getSummary().getValue()).isEqualTo("1:1 session with Coach Sam");
    }

    @Test
    void a_hostile_attendee_name_stays_inside_its_cn_parameter() {
        List<Attendee> hostile =
                List.of(new Attendee("Eve \"Q\"; x:y,\r\nATTENDEE:mailto:evil@example.com", "eve@example.com"));
        VEvent event = Ics.onlyEvent(Ics.parse(objects.invitation(Events.event(), COACH, hostile, ItipMethod.REQUEST)));

        assertThat(event.<Property>getProperties(Property.ATTENDEE)).singleElement().satisfies(a -> {
            assertThat(a.getValue()).isEqualTo("mailto:eve@example.com");
            assertThat(Ics.parameter(a, "CN")).isEqualTo("Eve 'Q'; x:y, ATTENDEE:mailto:evil@example.com");
        });
    }

    @Test
    void a_request_for_a_cancelled_booking_is_refused() {
        assertThatThrownBy(() ->
                        objects.invitation(Events.cancelled(Events.event()), COACH, CLIENT, ItipMethod.REQUEST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_invitation_without_attendees_or_with_a_bad_address_is_refused() {
        assertThatThrownBy(() -> objects.invitation(Events.event(), COACH, List.of(), ItipMethod.REQUEST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attendee("x", "not an address")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Organizer("x", "a@b\r\nBCC:c@d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_mime_method_parameter_matches_the_method_property() {
        for (ItipMethod method : ItipMethod.values()) {
            CalendarEvent e = method == ItipMethod.CANCEL ? Events.cancelled(Events.event()) : Events.event();
            Calendar calendar = Ics.parse(objects.invitation(e, COACH, CLIENT, method));
            assertThat(Ics.value(calendar, "METHOD")).isEqualTo(method.mimeParameter());
        }
    }
}
