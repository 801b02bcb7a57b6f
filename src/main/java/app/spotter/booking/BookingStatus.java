package app.spotter.booking;

/**
 * scheduled -> cancelled, cancelled -> scheduled (restore: an undone cancellation), scheduled|cancelled -> deleted. A deleted booking stays in the database, invisible to
 * the trainer, until every calendar has dropped its event; then the sync engine purges it.
 */
public enum BookingStatus {
    SCHEDULED, CANCELLED, DELETED;

    public String value() {
        return name().toLowerCase();
    }

    static BookingStatus fromValue(String value) {
        return valueOf(value.toUpperCase());
    }
}
