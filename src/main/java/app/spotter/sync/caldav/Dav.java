package app.spotter.sync.caldav;

import javax.xml.namespace.QName;

/** The element names Spotter reads and writes, by namespace (RFC 4918 14, RFC 4791 9, RFC 6578 6). */
final class Dav {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    /** Apple's CalendarServer namespace: getctag changes whenever anything in the calendar does. */
    static final String CALENDARSERVER = "http://calendarserver.org/ns/";

    static final QName MULTISTATUS = dav("multistatus");
    static final QName RESPONSE = dav("response");
    static final QName HREF = dav("href");
    static final QName STATUS = dav("status");
    static final QName PROPSTAT = dav("propstat");
    static final QName PROP = dav("prop");
    static final QName ERROR = dav("error");
    static final QName SYNC_TOKEN = dav("sync-token");
    static final QName VALID_SYNC_TOKEN = dav("valid-sync-token");
    static final QName DISPLAYNAME = dav("displayname");
    static final QName RESOURCETYPE = dav("resourcetype");
    static final QName COLLECTION = dav("collection");
    static final QName GETETAG = dav("getetag");
    static final QName CURRENT_USER_PRINCIPAL = dav("current-user-principal");

    static final QName CALENDAR = caldav("calendar");
    static final QName CALENDAR_HOME_SET = caldav("calendar-home-set");
    static final QName SUPPORTED_CALENDAR_COMPONENT_SET = caldav("supported-calendar-component-set");
    static final QName COMP = caldav("comp");
    static final QName CALENDAR_DATA = caldav("calendar-data");
    static final QName GETCTAG = new QName(CALENDARSERVER, "getctag");

    private Dav() {}

    private static QName dav(String localName) {
        return new QName(DAV, localName);
    }

    private static QName caldav(String localName) {
        return new QName(CALDAV, localName);
    }
}
