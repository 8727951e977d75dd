package io.passthru.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link AgentChannel} speaking the QGA wire protocol directly over the UNIX stream socket behind the
 * agent's virtio-serial port, as QEMU exposes it with
 * {@code -chardev socket,path=PATH,server=on,wait=off,id=qga0 -device virtserialport,chardev=qga0,name=org.qemu.guest_agent.0}.
 * Only one client should use that socket at a time (libvirt must not own it).
 *
 * <p>Protocol (QEMU {@code qga/qapi-schema.json}, {@code guest-sync-delimited}): on the first command and
 * after any timeout or desynchronisation, the channel sends a 0xFF byte (flushes a partial request in the
 * agent) and {@code {"execute":"guest-sync-delimited","arguments":{"id":N}}}; the agent answers 0xFF then
 * {@code {"return":N}}. Everything before the 0xFF, and every reply without that id, is discarded. Then each
 * command is written as one line of JSON and exactly one JSON object is read back.
 *
 * <p>The connection is opened lazily and re-opened after the peer closed it. Each {@link #execute} has one
 * deadline covering reconnect, handshake and reply; I/O is non-blocking with a {@link Selector}. Commands that
 * send no reply on success (guest-shutdown, guest-suspend-*) are not supported: they time out.
 * Thread-safe: commands are serialised.
 */
public final class UnixSocketAgentChannel implements AgentChannel, AutoCloseable {
    /** Largest reply accepted, in bytes (guest-exec-status carries up to 2 x 16 MiB of base64 output). */
    public static final int MAX_REPLY_BYTES = 128 * 1024 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path socketPath;
    private final QgaFrameDecoder decoder = new QgaFrameDecoder(MAX_REPLY_BYTES);
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private SocketChannel socket;
    private Selector selector;
    private SelectionKey key;
    private boolean synced;
    private boolean closed;

    /** A channel to the agent socket at {@code socketPath}; nothing is connected until the first command. */
    public UnixSocketAgentChannel(Path socketPath) {
        this.socketPath = Objects.requireNonNull(socketPath, "socketPath");
    }

    /** The agent socket path. */
    public Path socketPath() {
        return socketPath;
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidGuestInputException if {@code commandJson} is not a JSON object with a string
     *                                    {@code execute} member
     * @throws AgentUnavailableException  if the socket cannot be connected, was closed by the peer, or the
     *                                    agent did not answer the guest-sync-delimited handshake in time
     * @throws AgentTimeoutException      if the command's reply did not arrive in time
     * @throws AgentException             if the reply is not JSON (the channel re-syncs on the next command),
     *                                    or the calling thread is interrupted (its interrupt flag stays set)
     */
    @Override
    public synchronized String execute(String commandJson, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        JsonNode command = parseCommand(commandJson);
        String name = command.get("execute").asText();
        if (closed) {
            throw new AgentUnavailableException("guest agent channel " + socketPath + " is closed");
        }
        if (Thread.currentThread().isInterrupted()) { // fail fast, whatever the socket would do
            disconnect();
            throw interrupted(null);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        ensureConnected();
        if (!synced) {
            sync(deadline, timeout);
        }
        byte[] request = (command.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        if (!writeAll(ByteBuffer.wrap(request), deadline)) {
            synced = false;
            throw new AgentTimeoutException("could not send guest agent command '" + name + "' to " + socketPath
                    + " within " + timeout.toMillis() + " ms");
        }
        QgaFrameDecoder.Frame frame = readFrame(deadline);
        if (frame == null) {
            synced = false;
            throw new AgentTimeoutException("guest agent command '" + name + "' got no reply on " + socketPath
                    + " within " + timeout.toMillis() + " ms");
        }
        if (frame.kind() != QgaFrameDecoder.Kind.JSON) {
            synced = false;
            throw new AgentException("unexpected " + (frame.kind() == QgaFrameDecoder.Kind.SENTINEL
                    ? "0xFF sentinel" : "data") + " from guest agent on " + socketPath
                    + " while waiting for the reply to '" + name + "'");
        }
        String text = new String(frame.json(), StandardCharsets.UTF_8);
        try {
            Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            synced = false;
            throw new AgentException("malformed reply from guest agent to '" + name + "': "
                    + GuestAgent.abbreviate(text), e);
        }
        return text;
    }

    /** Closes the socket; later commands throw {@link AgentUnavailableException}. */
    @Override
    public synchronized void close() {
        closed = true;
        disconnect();
    }

    private static JsonNode parseCommand(String commandJson) {
        if (commandJson == null) {
            throw new InvalidGuestInputException("guest agent command must not be null");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(commandJson);
            if (node != null && node.isObject() && node.path("execute").isTextual()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidGuestInputException("guest agent command is not JSON: "
                    + GuestAgent.abbreviate(commandJson), e);
        }
        throw new InvalidGuestInputException("guest agent command must be a JSON object with an 'execute' string: "
                + GuestAgent.abbreviate(commandJson));
    }

    private void ensureConnected() {
        if (socket != null) {
            return;
        }
        SocketChannel s = null;
        try {
            s = SocketChannel.open(StandardProtocolFamily.UNIX);
            s.connect(UnixDomainSocketAddress.of(socketPath));
            s.configureBlocking(false);
            Selector sel = Selector.open();
            key = s.register(sel, SelectionKey.OP_READ);
            socket = s;
            selector = sel;
            decoder.reset();
            synced = false;
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            if (e instanceof ClosedByInterruptException) {
                throw interrupted(e);
            }
            throw new AgentUnavailableException("cannot connect to guest agent socket " + socketPath + ": " + e, e);
        }
    }

    private void disconnect() {
        synced = false;
        decoder.reset();
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // nothing to do
        }
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // nothing to do
        }
        selector = null;
        socket = null;
        key = null;
    }

    private void sync(long deadline, Duration timeout) {
        long id = RANDOM.nextLong() & Long.MAX_VALUE;
        String request = "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":" + id + "}}\n";
        byte[] body = request.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(body.length + 1).put((byte) 0xFF).put(body).flip();
        if (!writeAll(out, deadline)) {
            throw new AgentUnavailableException("guest agent on " + socketPath
                    + " is not reading (guest-sync-delimited not sent within " + timeout.toMillis() + " ms)");
        }
        boolean sentinel = false;
        while (true) {
            QgaFrameDecoder.Frame frame = readFrame(deadline);
            if (frame == null) {
                throw new AgentUnavailableException("guest agent on " + socketPath
                        + " did not answer guest-sync-delimited within " + timeout.toMillis() + " ms");
            }
            if (frame.kind() == QgaFrameDecoder.Kind.SENTINEL) {
                sentinel = true;
            } else if (sentinel && frame.kind() == QgaFrameDecoder.Kind.JSON) {
                try {
                    JsonNode reply = Json.MAPPER.readTree(frame.json());
                    JsonNode ret = reply.path("return");
                    if (ret.isIntegralNumber() && ret.asLong() == id) {
                        synced = true;
                        return;
                    }
                } catch (IOException e) {
                    // stale or partial data: keep discarding
                }
            }
        }
    }

    /** Reads until a frame is complete; {@code null} on deadline. Throws Unavailable on EOF / I/O error. */
    private QgaFrameDecoder.Frame readFrame(long deadline) {
        while (true) {
            QgaFrameDecoder.Frame frame = decoder.next();
            if (frame != null) {
                return frame;
            }
            try {
                int n = socket.read(readBuffer.clear());
                if (n < 0) {
                    disconnect();
                    throw new AgentUnavailableException("guest agent socket " + socketPath + " was closed by QEMU");
                }
                if (n > 0) {
                    decoder.feed(readBuffer.array(), 0, n);
                    continue;
                }
                if (!await(SelectionKey.OP_READ, deadline)) {
                    return null;
                }
            } catch (IOException e) {
                throw ioFailure(e);
            }
        }
    }

    /** Writes everything; {@code false} on deadline (stream is then partially written: re-sync needed). */
    private boolean writeAll(ByteBuffer data, long deadline) {
        try {
            while (data.hasRemaining()) {
                if (socket.write(data) == 0 && !await(SelectionKey.OP_WRITE, deadline)) {
                    synced = false;
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** Disconnects (the socket is unusable after an I/O error) and maps the error. */
    private AgentException ioFailure(IOException e) {
        disconnect();
        if (e instanceof ClosedByInterruptException) {
            return interrupted(e);
        }
        return new AgentUnavailableException("I/O error on guest agent socket " + socketPath + ": " + e, e);
    }

    /** The caller's thread was interrupted; NIO closed the socket, it is re-opened on the next command. */
    private AgentException interrupted(Exception cause) {
        return new AgentException("interrupted while talking to the guest agent on " + socketPath, cause);
    }

    /** Waits until the socket is ready for {@code op}; {@code false} if the deadline passed first. */
    private boolean await(int op, long deadline) throws IOException {
        if (Thread.currentThread().isInterrupted()) { // select would return at once: do not spin
            disconnect();
            throw interrupted(null);
        }
        long remainingNanos = deadline - System.nanoTime();
        if (remainingNanos <= 0) {
            return false;
        }
        key.interestOps(op);
        try {
            selector.select(Math.max(1, (remainingNanos + 999_999) / 1_000_000));
            selector.selectedKeys().clear();
        } finally {
            key.interestOps(SelectionKey.OP_READ);
        }
        return true;
    }
}
