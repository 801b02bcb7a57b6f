package app.spotter.sync;

/**
 * What Spotter knows about its copy of a booking in one calendar.
 *
 * @param externalId the provider's id (CalDAV resource name, Google event id, iCalendar UID for email)
 * @param etag the entity tag we last saw for our own write, or null when the calendar gave none
 * @param resourceUrl the absolute URL of the copy where the provider has one (CalDAV), else null
 * @param sequence the SEQUENCE actually written when the provider had to go above the booking's own (another
 *     client raised it there, RFC 5546 2.1.4), else -1
 * @param overwrote what this write replaced when the calendar's copy had been changed there since Spotter's last
 *     write (a change made there while Spotter's was in flight: the trainer is told, it is not lost silently), else
 *     null
 * @param goneThere an update found the event deleted there since Spotter's last write, and wrote nothing: the
 *     engine decides it as a deletion made there (the other fields but the id and URL are then empty)
 */
public record RemoteEvent(String externalId, String etag, String resourceUrl, int sequence,
        RemoteSnapshot overwrote, boolean goneThere) {

    public RemoteEvent(String externalId, String etag, String resourceUrl, int sequence, RemoteSnapshot overwrote) {
        this(externalId, etag, resourceUrl, sequence, overwrote, false);
    }

    /** An update that found the event deleted there since Spotter's last write; nothing was written. */
    public static RemoteEvent goneThere(String externalId, String resourceUrl) {
        return new RemoteEvent(externalId, null, resourceUrl, -1, null, true);
    }

    public RemoteEvent(String externalId, String etag, String resourceUrl, int sequence) {
        this(externalId, etag, resourceUrl, sequence, null);
    }

    public RemoteEvent(String externalId, String etag, String resourceUrl) {
        this(externalId, etag, resourceUrl, -1);
    }
}
