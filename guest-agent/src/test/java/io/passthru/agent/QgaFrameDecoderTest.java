package io.passthru.agent;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QgaFrameDecoderTest {
    private final QgaFrameDecoder decoder = new QgaFrameDecoder(1024);

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        decoder.feed(b, 0, b.length);
    }

    private String nextJson() {
        QgaFrameDecoder.Frame f = decoder.next();
        assertEquals(QgaFrameDecoder.Kind.JSON, f.kind());
        return new String(f.json(), StandardCharsets.UTF_8);
    }

    @Test
    void assemblesObjectsAcrossPartialReadsIncludingBracesInStrings() {
        String reply = "{\"return\": {\"desc\": \"a } \\\" { ]\", \"list\": [1, {\"x\": []}]}}\n";
        for (int i = 0; i < reply.length() - 2; i++) {
            feed(reply.substring(i, i + 1));
            assertNull(decoder.next(), "incomplete after " + (i + 1) + " chars");
        }
        feed(reply.substring(reply.length() - 2));
        assertEquals(reply.strip(), nextJson());
        assertNull(decoder.next());
    }

    @Test
    void splitsSeveralObjectsInOneRead() {
        feed("{\"return\": 1}\n{\"return\": {}}\n  ");
        assertEquals("{\"return\": 1}", nextJson());
        assertEquals("{\"return\": {}}", nextJson());
        assertNull(decoder.next());
    }

    @Test
    void sentinelDiscardsPartialValueAndGarbageIsReported() {
        feed("x{\"return\": {\"trunc");
        assertSame(QgaFrameDecoder.Frame.GARBAGE, decoder.next());
        assertNull(decoder.next());
        decoder.feed(new byte[] {(byte) 0xFF}, 0, 1);
        feed("{\"return\": 42}\n");
        assertSame(QgaFrameDecoder.Frame.SENTINEL, decoder.next());
        assertEquals("{\"return\": 42}", nextJson());
    }

    @Test
    void nonAsciiUtf8IsKeptIntact() {
        feed("{\"return\": \"wörld “x”\"}");
        assertEquals("{\"return\": \"wörld “x”\"}", nextJson());
    }

    @Test
    void oversizedValueIsRejected() {
        feed("{\"return\": \"" + "a".repeat(2000));
        assertThrows(AgentException.class, decoder::next);
    }
}
