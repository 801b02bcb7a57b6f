package app.spotter.sync.email;

import app.spotter.calendar.ItipMethod;

/**
 * One email, ready to be put into MIME: one recipient's copy of a REQUEST or CANCEL.
 *
 * @param ics the iTIP object (RFC 5546), sent both inline and as {@code invite.ics}
 * @param senderName the display name of the From address ("Thandi via Spotter")
 * @param replyTo the trainer's address, so a reply reaches a person
 */
record Invitation(ItipMethod method, String to, String senderName, String replyTo, String subject, String text,
        String html, String ics) {}
