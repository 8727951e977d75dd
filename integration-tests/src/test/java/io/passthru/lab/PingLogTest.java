package io.passthru.lab;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Lab.PingLog}: parsing what {@code ping -D} printed (no lab needed). */
class PingLogTest {
    static final String OUT = """
            PING 192.0.2.71 (192.0.2.71) 56(84) bytes of data.
            [1796190685.181208] 64 bytes from 192.0.2.71: icmp_seq=1 ttl=64 time=0.064 ms
            [1796190685.191710] 64 bytes from 192.0.2.71: icmp_seq=2 ttl=64 time=0.039 ms
            [1796190685.191900] 64 bytes from 192.0.2.71: icmp_seq=2 ttl=64 time=0.041 ms (DUP!)
            [1796190685.201718] 64 bytes from 192.0.2.71: icmp_seq=3 ttl=64 time=0.046 ms
            [1796190685.250000] From 192.0.2.102 icmp_seq=7 Destination Host Unreachable
            [1796190685.531718] 64 bytes from 192.0.2.71: icmp_seq=36 ttl=64 time=0.046 ms

            --- 192.0.2.71 ping statistics ---
            36 packets transmitted, 4 received, +1 duplicates, +1 errors, 88.8889% packet loss, time 350ms
            rtt min/avg/max/mdev = 0.039/0.049/0.064/0.010 ms
            """;

    @Test
    void parsesSummaryAndRepliesWithoutDuplicatesOrErrors() {
        Lab.PingLog log = Lab.PingLog.parse(OUT, "");
        assertEquals(36, log.transmitted());
        assertEquals(4, log.received());
        assertEquals(32, log.lost());
        assertEquals(4, log.replies().size());
        assertEquals(new Lab.PingReply(1, 1796190685181L), log.replies().get(0));
        assertEquals(36, log.replies().get(3).seq());
    }

    @Test
    void gapsOverAThresholdSayWhenAndHowLong() {
        // replies at +0, +10, +20 and +350 ms: one silence of 330 ms starting 0.0 s after the first reply
        assertEquals("+0.0s:330", Lab.PingLog.parse(OUT, "").gapsOver(200));
        assertEquals("", Lab.PingLog.parse(OUT, "").gapsOver(400));
    }

    @Test
    void longestGapIsBetweenConsecutiveReplies() {
        assertEquals(1796190685532L - 1796190685202L, Lab.PingLog.parse(OUT, "").longestGapMs());
    }

    @Test
    void longestGapIsUnknownWithFewerThanTwoReplies() {
        String one = "[1796190685.181208] 64 bytes from 192.0.2.71: icmp_seq=1 ttl=64 time=0.064 ms\n"
                + "5 packets transmitted, 1 received, 80% packet loss, time 40ms\n";
        assertEquals(-1, Lab.PingLog.parse(one, "").longestGapMs());
    }

    @Test
    void noSummaryFails() {
        assertThrows(AssertionError.class, () -> Lab.PingLog.parse("ping: connect: Network is unreachable\n", ""));
    }
}
