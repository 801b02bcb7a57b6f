package app.spotter.sync.caldav;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The highest SEQUENCE (RFC 5545 3.8.7.4) in a calendar object as the server holds it. Read from the unfolded text
 * (RFC 5545 3.1) rather than a full parse: only this one integer is needed, and a full parse of someone else's
 * object would resolve its time zones for nothing.
 */
final class ServerSequence {

    private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]");
    private static final Pattern SEQUENCE = Pattern.compile("(?im)^SEQUENCE(?:;[^:\r\n]*)?:\\s*(\\d{1,9})\\s*$");

    private ServerSequence() {}

    /** @return the highest SEQUENCE found, or -1 when there is none */
    static int of(byte[] ics) {
        String text = FOLD.matcher(new String(ics, StandardCharsets.UTF_8)).replaceAll("");
        int highest = -1;
        Matcher m = SEQUENCE.matcher(text);
        while (m.find()) {
            highest = Math.max(highest, Integer.parseInt(m.group(1)));
        }
        return highest;
    }
}
