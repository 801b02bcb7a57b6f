package app.spotter.sync.email;

/**
 * What an iMIP REPLY (RFC 6047) says, read off one message of the organizer mailbox; every field as written, so the
 * decision can say exactly why it ignores a message.
 *
 * @param method the iCalendar METHOD (a REPLY says REPLY)
 * @param uid the VEVENT's UID
 * @param sequence the SEQUENCE answered (RFC 5546 3.2.3 requires it; 0 when absent, as RFC 5545 3.8.7.4 defaults)
 * @param attendee the ATTENDEE's address, without "mailto:"
 * @param partStat the ATTENDEE's PARTSTAT
 * @param from the message's From address
 */
record ReceivedReply(String method, String uid, int sequence, String attendee, String partStat, String from) {}
