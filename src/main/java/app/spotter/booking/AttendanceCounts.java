package app.spotter.booking;

/**
 * A client's sessions in a period: still scheduled, marked attended, no-show or late cancel, and cancelled.
 */
public record AttendanceCounts(int scheduled, int attended, int noShow, int lateCancel, int cancelled) {}
