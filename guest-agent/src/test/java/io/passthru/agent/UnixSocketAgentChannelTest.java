package io.passthru.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnixSocketAgentChannelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration T = Duration.ofSeconds(5);
    private static final String INFO_REPLY = "{\"return\": {\"version\": \"7.2.0\", \"supported_commands\": ["
            + "{\"enabled\": true, \"name\": \"guest-ping\", \"success-response\": true}, "
            + "{\"enabled\": true, \"name\": \"guest-sync-delimited\", \"success-response\": true}]}}";

    private Path dir;
    private FakeAgent server;

    /**
     * Fake qemu-ga on a UNIX socket. Reads newline-terminated requests (ignoring 0xFF bytes, as qemu-ga's
     * lexer resets on them) and answers: guest-sync-delimited with garbage and a stale sync reply, then
     * 0xFF + {"return": id}; guest-ping; guest-info (written in small pieces); guest-sleep never.
     */
    final class FakeAgent implements AutoCloseable {
        final ServerSocketChannel listener;
        final Thread thread;
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile int connections;
        /** When false the agent does not answer guest-sync-delimited (agent not running in the guest). */
        volatile boolean answerSync = true;
        /** When true the agent closes the connection after reading a request. */
        volatile boolean hangUp;

        FakeAgent(Path path) throws IOException {
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(path));
            thread = new Thread(this::serve, "fake-qga");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            try {
                while (true) {
                    try (SocketChannel c = listener.accept()) {
                        connections++;
                        handle(c);
                    } catch (IOException e) {
                        if (!listener.isOpen()) {
                            return;
                        }
                    }
                }
            } catch (RuntimeException e) {
                // test over
            }
        }

        private void handle(SocketChannel c) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(1);
            String stale = null;
            while (c.read(in.clear()) > 0) {
                byte b = in.get(0);
                if (b == (byte) 0xFF) {
                    line.reset();
                    continue;
                }
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                received.add(text);
                if (hangUp) {
                    return;
                }
                JsonNode req = MAPPER.readTree(text);
                String cmd = req.path("execute").asText();
                switch (cmd) {
                    case "guest-sync-delimited" -> {
                        if (!answerSync) {
                            continue;
                        }
                        long id = req.path("arguments").path("id").asLong();
                        // garbage left over from an earlier client, a stale answer to an old command, an
                        // unterminated object, then the sentinel and the real answer
                        write(c, "stale junk \u0001{\"return\": {\"pid\": 17}}\n{\"return\": 12345}\n{\"ret");
                        if (stale != null) {
                            write(c, stale);
                            stale = null;
                        }
                        write(c, new byte[] {(byte) 0xFF});
                        write(c, "{\"return\": " + id + "}\n");
                    }
                    case "guest-ping" -> write(c, "{\"return\": {}}\n");
                    case "guest-info" -> {
                        for (int i = 0; i < INFO_REPLY.length(); i += 7) {
                            write(c, INFO_REPLY.substring(i, Math.min(INFO_REPLY.length(), i + 7)));
                            sleepQuietly(1);
                        }
                        write(c, "\n");
                    }
                    // no answer now; the reply arrives late, in front of the next sync's sentinel
                    case "guest-sleep" -> stale = "{\"return\": {\"late\": true}}\n";
                    default -> write(c, "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command "
                            + cmd + " has not been found\"}}\n");
                }
            }
        }

        private void write(SocketChannel c, String s) throws IOException {
            write(c, s.getBytes(StandardCharsets.UTF_8));
        }

        private void write(SocketChannel c, byte[] b) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b);
            while (buf.hasRemaining()) {
                c.write(buf);
            }
        }

        long syncs() {
            return received.stream().filter(r -> r.contains("guest-sync-delimited")).count();
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path startServer() throws IOException {
        dir = Files.createTempDirectory("qga");
        Path sock = dir.resolve("qga.sock");
        server = new FakeAgent(sock);
        return sock;
    }

    @AfterEach
    void tearDown() throws IOException {
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("qga.sock"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void syncsOnceThroughGarbageThenRunsCommands() throws IOException {
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(startServer())) {
            String ping = ch.execute("{\"execute\": \"guest-ping\"}", T);
            assertEquals("{\"return\": {}}", ping);
            GuestInfo info = new GuestAgent(ch).info();
            assertEquals("7.2.0", info.version());
            assertTrue(info.supports("guest-sync-delimited"));
            new GuestAgent(ch).ping();
            assertEquals(1, server.syncs(), "handshake only before the first command: " + server.received);
            assertEquals(4, server.received.size());
            JsonNode sync = MAPPER.readTree(server.received.get(0));
            assertTrue(sync.path("arguments").path("id").isIntegralNumber());
            assertEquals("guest-ping", MAPPER.readTree(server.received.get(1)).path("execute").asText());
        }
    }

    @Test
    void errorReplyIsReturnedRawAndMapsToAgentCommandException() throws IOException {
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(startServer())) {
            AgentCommandException e = assertThrows(AgentCommandException.class,
                    () -> new GuestAgent(ch).call("guest-bogus", null));
            assertEquals("CommandNotFound", e.errorClass());
            assertEquals("The command guest-bogus has not been found", e.description());
        }
    }

    @Test
    void timeoutThenResyncDiscardsTheLateReply() throws IOException {
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(startServer())) {
            long start = System.nanoTime();
            AgentTimeoutException e = assertThrows(AgentTimeoutException.class,
                    () -> ch.execute("{\"execute\":\"guest-sleep\"}", Duration.ofMillis(200)));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 200 && elapsedMs < 2000, "took " + elapsedMs);
            assertTrue(e.getMessage().contains("guest-sleep"), e.getMessage());
            // next command re-syncs; the late {"late": true} reply is skipped, ping gets its own reply
            assertEquals("{\"return\": {}}", ch.execute("{\"execute\":\"guest-ping\"}", T));
            assertEquals(2, server.syncs(), server.received.toString());
            assertEquals(1, server.connections, "same connection kept");
        }
    }

    @Test
    void missingSocketIsUnavailable() throws IOException {
        dir = Files.createTempDirectory("qga");
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(dir.resolve("qga.sock"))) {
            AgentUnavailableException e = assertThrows(AgentUnavailableException.class,
                    () -> ch.execute("{\"execute\":\"guest-ping\"}", T));
            assertTrue(e.getMessage().contains("qga.sock"), e.getMessage());
        }
    }

    @Test
    void agentNotAnsweringSyncIsUnavailable() throws IOException {
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(startServer())) {
            server.answerSync = false;
            AgentUnavailableException e = assertThrows(AgentUnavailableException.class,
                    () -> ch.execute("{\"execute\":\"guest-ping\"}", Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("guest-sync-delimited"), e.getMessage());
            server.answerSync = true;
            assertEquals("{\"return\": {}}", ch.execute("{\"execute\":\"guest-ping\"}", T), "recovers");
        }
    }

    @Test
    void peerHangUpIsUnavailableAndTheChannelReconnects() throws IOException {
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(startServer())) {
            ch.execute("{\"execute\":\"guest-ping\"}", T);
            server.hangUp = true;
            assertThrows(AgentUnavailableException.class, () -> ch.execute("{\"execute\":\"guest-ping\"}", T));
            server.hangUp = false;
            assertEquals("{\"return\": {}}", ch.execute("{\"execute\":\"guest-ping\"}", T));
            assertEquals(2, server.connections);
        }
    }

    @Test
    void invalidCommandAndClosedChannelAreRejected() throws IOException {
        UnixSocketAgentChannel ch = new UnixSocketAgentChannel(startServer());
        assertThrows(InvalidGuestInputException.class, () -> ch.execute("guest-ping", T));
        assertThrows(InvalidGuestInputException.class, () -> ch.execute("{\"arguments\":{}}", T));
        ch.close();
        assertThrows(AgentUnavailableException.class, () -> ch.execute("{\"execute\":\"guest-ping\"}", T));
        assertEquals(0, server.received.size(), "nothing was sent");
    }
    @Test
    void interruptedCallerFailsFastAndTheChannelRecovers() throws IOException {
        try (UnixSocketAgentChannel ch = new UnixSocketAgentChannel(startServer())) {
            assertInterrupted(ch); // while connecting
            ch.execute("{\"execute\":\"guest-ping\"}", T); // now connected and synced
            assertInterrupted(ch); // while writing to a connected socket
            assertEquals("{\"return\": {}}", ch.execute("{\"execute\":\"guest-ping\"}", T), "reconnects");
            assertEquals(2, server.connections, "interrupted connect never got through; interrupted write closed connection 1");
        }
    }

    private static void assertInterrupted(UnixSocketAgentChannel ch) {
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        try {
            AgentException e = assertThrows(AgentException.class,
                    () -> ch.execute("{\"execute\":\"guest-ping\"}", Duration.ofSeconds(3)));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag kept");
        } finally {
            Thread.interrupted();
        }
        assertTrue((System.nanoTime() - start) / 1_000_000 < 1000, "did not wait for the 3 s deadline");
    }
}
