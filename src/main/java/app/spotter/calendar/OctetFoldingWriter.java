package app.spotter.calendar;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Folds content lines at 75 octets of UTF-8 (RFC 5545 3.1). ical4j's own FoldingWriter counts UTF-16 chars, so a
 * line of "é" or "日本" passes 75 chars as up to 225 octets; it sits above this writer and this one adds the folds it
 * misses. A fold is never placed inside a code point (a split UTF-8 sequence corrupts the text for every reader).
 */
final class OctetFoldingWriter extends FilterWriter {

    static final int MAX_OCTETS = 75;
    private static final String FOLD = "\r\n ";

    private int lineOctets;
    private char pendingHighSurrogate;

    OctetFoldingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (Character.isHighSurrogate(ch)) {
            pendingHighSurrogate = ch; // wait for the low half: the pair is one 4-octet code point
            return;
        }
        if (pendingHighSurrogate != 0) {
            char high = pendingHighSurrogate;
            pendingHighSurrogate = 0;
            if (Character.isLowSurrogate(ch)) {
                emit(Character.toCodePoint(high, ch));
                return;
            }
            emit(high);
        }
        emit(ch);
    }

    @Override
    public void flush() throws IOException {
        if (pendingHighSurrogate != 0) { // a lone surrogate: pass it on rather than lose it
            emit(pendingHighSurrogate);
            pendingHighSurrogate = 0;
        }
        super.flush();
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(buffer[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(text.charAt(i));
        }
    }

    private void emit(int codePoint) throws IOException {
        if (codePoint == '\n') {
            lineOctets = 0;
        } else if (codePoint != '\r') {
            int octets = utf8Length(codePoint);
            if (lineOctets + octets > MAX_OCTETS) {
                out.write(FOLD);
                lineOctets = 1; // the space that opens a continuation line
            }
            lineOctets += octets;
        }
        if (Character.isBmpCodePoint(codePoint)) {
            out.write(codePoint);
        } else {
            out.write(Character.highSurrogate(codePoint));
            out.write(Character.lowSurrogate(codePoint));
        }
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
