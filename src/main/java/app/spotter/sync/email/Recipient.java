package app.spotter.sync.email;

/**
 * Who gets one copy of an invitation, and what that copy shows.
 *
 * @param email the address the copy is sent to; it is also the copy's only ATTENDEE
 * @param name the recipient's CN and salutation (the client's own name, or the trainer's)
 * @param summary SUMMARY of this copy: the client always sees their own name; the trainer's copy follows
 *     {@code show_client_names}
 * @param isClient true for the client's copy (the body is worded for them)
 */
record Recipient(String email, String name, String summary, boolean isClient) {}
