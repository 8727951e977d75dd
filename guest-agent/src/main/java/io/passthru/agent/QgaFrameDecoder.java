package io.passthru.agent;

import java.util.Arrays;

/**
 * Splits the byte stream coming from qemu-ga into frames: the 0xFF sentinel that precedes the reply to
 * {@code guest-sync-delimited}, complete top-level JSON objects/arrays (found by tracking nesting depth and
 * strings, so partial reads are fine), and stray bytes outside any JSON value (garbage).
 *
 * <p>0xFF never occurs in UTF-8 text, so a sentinel anywhere, even inside a partial value, discards that
 * partial value (QEMU {@code qga/qapi-schema.json}, guest-sync-delimited). Not thread-safe.
 */
final class QgaFrameDecoder {
    enum Kind { SENTINEL, JSON, GARBAGE }

    /** A frame; {@code json} holds the UTF-8 bytes of a JSON value for kind JSON, else {@code null}. */
    record Frame(Kind kind, byte[] json) {
        static final Frame SENTINEL = new Frame(Kind.SENTINEL, null);
        static final Frame GARBAGE = new Frame(Kind.GARBAGE, null);
    }

    private final int maxFrameBytes;
    private byte[] buf = new byte[8192];
    private int start; // first byte of the current (partial) value, or of unscanned data
    private int scan;  // next byte to examine
    private int end;   // end of buffered data
    private int depth;
    private boolean inString;
    private boolean escape;

    QgaFrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Appends received bytes. */
    void feed(byte[] src, int off, int len) {
        if (end + len > buf.length) {
            compact();
            if (end + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + len));
            }
        }
        System.arraycopy(src, off, buf, end, len);
        end += len;
    }

    /** Drops all buffered data and parser state. */
    void reset() {
        start = scan = end = 0;
        depth = 0;
        inString = escape = false;
    }

    /**
     * The next complete frame, or {@code null} if more bytes are needed.
     *
     * @throws AgentException if one JSON value exceeds the size limit
     */
    Frame next() {
        while (scan < end) {
            byte b = buf[scan++];
            if (b == (byte) 0xFF) {
                start = scan;
                depth = 0;
                inString = escape = false;
                return Frame.SENTINEL;
            }
            if (depth == 0) {
                start = scan;
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    continue;
                }
                if (b == '{' || b == '[') {
                    start = scan - 1;
                    depth = 1;
                    continue;
                }
                return Frame.GARBAGE;
            }
            if (inString) {
                if (escape) {
                    escape = false;
                } else if (b == '\\') {
                    escape = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    byte[] json = Arrays.copyOfRange(buf, start, scan);
                    start = scan;
                    return new Frame(Kind.JSON, json);
                }
            }
        }
        if (depth > 0 && scan - start > maxFrameBytes) {
            reset();
            throw new AgentException("guest agent reply exceeds " + maxFrameBytes + " bytes");
        }
        return null;
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            scan -= start;
            end -= start;
            start = 0;
        }
    }
}
