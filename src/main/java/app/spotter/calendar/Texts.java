package app.spotter.calendar;

import java.util.regex.Pattern;

/**
 * Makes free text (summaries, names, locations) representable before ical4j escapes it. ical4j escapes commas,
 * semicolons, backslashes and newlines (RFC 5545 3.3.11), but TEXT has no escape for CR or other control characters
 * (TSAFE-CHAR excludes CONTROL), so those must not reach it.
 */
final class Texts {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?");
    // every C0 control except HTAB and LF, plus DEL (RFC 5545 3.1 CONTROL)
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\x00-\\x1F\\x7F]+");

    private Texts() {}

    /**
     * A TEXT value: CRLF and lone CR become LF (which ical4j writes as {@code \n}); other controls are dropped; outer
     * whitespace goes, since parsers (ical4j among them) trim it and the object should read back as written.
     */
    static String text(String value) {
        if (value == null) {
            return null;
        }
        return CONTROL.matcher(LINE_BREAK.matcher(value).replaceAll("\n")).replaceAll("").strip();
    }

    /**
     * A parameter value such as CN: one line, no DQUOTE. RFC 5545 3.2 forbids CONTROL and DQUOTE in param values;
     * ical4j would caret-encode them (RFC 6868), which its own parser and several clients read back wrongly.
     */
    static String parameter(String value) {
        return WHITESPACE_RUN.matcher(value).replaceAll(" ").replace('"', '\'').strip();
    }

    /** A display name inside a summary: one line, so a name can never look like a second property. */
    static String oneLine(String value) {
        return WHITESPACE_RUN.matcher(value).replaceAll(" ").strip();
    }
}
