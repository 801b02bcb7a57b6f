package app.spotter.calendar;

import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The VCALENDAR envelope every object shares: PRODID, VERSION 2.0, CALSCALE GREGORIAN (RFC 5545 3.7). */
record CalendarCommon(String prodId, TimeZones zones) {

    CalendarCommon {
        if (prodId == null || prodId.isBlank()) {
            throw new IllegalArgumentException("PRODID is required (RFC 5545 3.7.3)");
        }
    }

    /**
     * Builds the lists once: ical4j 4's property and component lists are immutable, so adding one component at a
     * time copies the list every time (quadratic for a large feed).
     */
    Calendar calendar(
            List<? extends Property> extraProperties,
            List<? extends CalendarComponent> timeZones,
            List<VEvent> events) {
        List<Property> properties = new ArrayList<>(3 + extraProperties.size());
        properties.add(new ProdId(Texts.text(prodId)));
        properties.add(ImmutableVersion.VERSION_2_0);
        properties.add(ImmutableCalScale.GREGORIAN);
        properties.addAll(extraProperties);
        List<CalendarComponent> components = new ArrayList<>(timeZones.size() + events.size());
        components.addAll(timeZones.stream().map(CalendarComponent.class::cast).toList());
        components.addAll(events);
        return new Calendar(new PropertyList(properties), new ComponentList<>(components));
    }
}
