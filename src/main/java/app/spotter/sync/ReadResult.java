package app.spotter.sync;

/** What reading one of Spotter's events back from a calendar found. */
public sealed interface ReadResult {

    record Found(RemoteSnapshot snapshot) implements ReadResult {}

    /** A confirmed 404 or 410: only this says an event is gone; a failed read never does. */
    record Gone() implements ReadResult {}
}
