package app.spotter.sync.caldav;

import app.spotter.sync.SyncFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A small CalDAV client for one account (Apple iCloud or any RFC 4791 server): the one entry point of this
 * package for the sync engine. It moves iCalendar bytes; it does not build or read them (that is ical4j's job).
 *
 * <p>Expected answers come back as outcome records ({@link PutOutcome}, {@link DeleteOutcome}, {@link GetOutcome},
 * {@link SyncOutcome}); everything else is a {@link SyncFailure} whose kind says whether to retry, ask the
 * trainer to reconnect, or show a message. Instances are thread-safe; the password is held only inside the
 * transport's Authorization value and never logged.
 */
public final class CalDavClient {

    private final URI baseUrl;
    private final Discovery discovery;
    private final Calendars calendars;
    private final ObjectResources objects;
    private final SyncCollection sync;
    private final EventQuery events;
    private volatile Discovery.Home home;

    private CalDavClient(URI baseUrl, DavTransport transport) {
        this.baseUrl = baseUrl;
        Propfind propfind = new Propfind(transport);
        this.discovery = new Discovery(propfind);
        this.calendars = new Calendars(transport, propfind);
        this.objects = new ObjectResources(transport);
        this.sync = new SyncCollection(transport);
        this.events = new EventQuery(transport);
    }

    /**
     * A client for the account at {@code baseUrl} (for iCloud {@code https://caldav.icloud.com/}), with the default
     * deadline and size caps, reaching public addresses only. No request is made yet: a sync round that already
     * knows its calendar URL goes straight to {@link #changesSince}.
     */
    public static CalDavClient connect(URI baseUrl, String username, String password) {
        return connect(baseUrl, username, password, DavPolicy.DEFAULT);
    }

    static CalDavClient connect(URI baseUrl, String username, String password, DavPolicy policy) {
        return connect(baseUrl, username, password, DavTransport.defaultHttpClient(), Clock.systemUTC(), policy, null);
    }

    static CalDavClient connect(URI baseUrl, String username, String password, HttpClient http, Clock clock,
            DavPolicy policy, String userAgent) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (!"https".equalsIgnoreCase(baseUrl.getScheme()) && !"http".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new IllegalArgumentException("a CalDAV base URL is http or https: " + baseUrl);
        }
        if (baseUrl.getRawUserInfo() != null) {
            // Credentials in the URL would end up in every log line that names a URL.
            throw new IllegalArgumentException("put the username and password in their own fields, not in the URL");
        }
        return over(baseUrl, new DavTransport(http, policy, baseUrl, username, password, clock, userAgent));
    }

    /** A client over a transport built elsewhere (tests with their own address rule). */
    static CalDavClient over(URI baseUrl, DavTransport transport) {
        return new CalDavClient(baseUrl, transport);
    }

    /** Discovers (once per client) the calendar home: well-known URI, principal, calendar-home-set. */
    public URI calendarHome() throws SyncFailure {
        Discovery.Home known = home;
        if (known == null) {
            known = discovery.discover(baseUrl);
            home = known;
        }
        return known.calendarHome();
    }

    /** Every calendar collection in the home, event calendars and others (see {@link CalendarCollection#acceptsEvents}). */
    public List<CalendarCollection> listCalendars() throws SyncFailure {
        return calendars.list(calendarHome());
    }

    /** The first event calendar whose display name is exactly {@code displayName}. */
    public Optional<CalendarCollection> findCalendar(String displayName) throws SyncFailure {
        return listCalendars().stream()
                .filter(CalendarCollection::acceptsEvents)
                .filter(c -> displayName.equals(c.displayName()))
                .findFirst();
    }

    /** MKCALENDAR (falling back to extended MKCOL) of a VEVENT calendar named {@code displayName}. */
    public CalendarCollection createCalendar(String displayName) throws SyncFailure {
        return calendars.create(calendarHome(), Objects.requireNonNull(displayName, "displayName"));
    }

    /** The calendar named {@code displayName}, created when there is none yet. */
    public CalendarCollection findOrCreateCalendar(String displayName) throws SyncFailure {
        Optional<CalendarCollection> found = findCalendar(displayName);
        return found.isPresent() ? found.get() : createCalendar(displayName);
    }

    /** The URL of resource {@code name} (e.g. {@code <booking uuid>.ics}) in {@code calendar}, safely encoded. */
    public static URI objectUrl(URI calendar, String name) {
        return Hrefs.member(calendar, name);
    }

    public PutOutcome put(URI objectUrl, byte[] ics, WritePrecondition precondition) throws SyncFailure {
        return objects.put(objectUrl, ics, Objects.requireNonNull(precondition, "precondition"));
    }

    public GetOutcome get(URI objectUrl) throws SyncFailure {
        return objects.get(objectUrl);
    }

    /** @param ifMatch the ETag the delete is conditional on, or null to delete whatever is there */
    public DeleteOutcome delete(URI objectUrl, ETag ifMatch) throws SyncFailure {
        return objects.delete(objectUrl, ifMatch);
    }

    /** @param token the token from the previous round, or null for a first, complete listing */
    public SyncOutcome changesSince(URI calendar, SyncToken token) throws SyncFailure {
        return sync.since(calendar, token);
    }

    /** The calendar objects (iCalendar text) with an event overlapping [start, end). */
    public List<String> eventsBetween(URI calendar, java.time.Instant start, java.time.Instant end)
            throws SyncFailure {
        return events.between(calendar, start, end);
    }

    @Override
    public String toString() {
        return "CalDavClient[" + baseUrl + "]";
    }
}
