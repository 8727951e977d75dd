package io.passthru.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Typed QEMU guest agent commands over an {@link AgentChannel}. Command names, arguments and reply
 * shapes follow QEMU {@code qga/qapi-schema.json}.
 *
 * <p>Every method sends its command with the default command timeout given at construction (10 s unless
 * specified), and throws {@link AgentUnavailableException} / {@link AgentTimeoutException} from the
 * channel, {@link AgentCommandException} when the agent answers with a QGA error, and
 * {@link AgentException} when the reply does not have the shape the schema defines.
 *
 * <p>Guest processes are always started from an argv list ({@code path} + {@code arg}); this class never
 * builds shell command strings. Thread-safe if the channel is.
 */
public final class GuestAgent {
    /** Default per-command timeout: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** First interval between two {@code guest-exec-status} polls in {@link #run}: 20 ms. */
    static final long FIRST_POLL_MS = 20;
    /** Largest interval between two {@code guest-exec-status} polls in {@link #run}: 200 ms. */
    static final long MAX_POLL_MS = 200;
    /** Smallest per-command timeout {@link #run} gives a command sent at or after its own deadline. */
    static final Duration MIN_CALL_TIMEOUT = Duration.ofSeconds(1);

    private final AgentChannel channel;
    private final Duration defaultTimeout;

    /** A guest agent on {@code channel} with the {@link #DEFAULT_TIMEOUT} of 10 s per command. */
    public GuestAgent(AgentChannel channel) {
        this(channel, DEFAULT_TIMEOUT);
    }

    /**
     * @param channel        transport to the agent
     * @param defaultTimeout per-command timeout, positive
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public GuestAgent(AgentChannel channel, Duration defaultTimeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("default timeout must be positive: " + defaultTimeout);
        }
        this.defaultTimeout = defaultTimeout;
    }

    /** The per-command timeout. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /**
     * Sends any QGA command and returns the value of the reply's {@code return} member (an empty object
     * for commands that return nothing, such as guest-ping).
     *
     * @param command   QGA command name, e.g. {@code "guest-get-time"}
     * @param arguments the {@code arguments} object, or {@code null} for none
     * @param timeout   reply timeout, positive
     * @throws AgentCommandException on a QGA error reply
     * @throws AgentException        on a reply that is neither {@code return} nor {@code error}
     */
    public JsonNode call(String command, ObjectNode arguments, Duration timeout) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        String reply = channel.execute(request.toString(), timeout);
        if (reply == null) {
            throw new AgentException("guest agent channel returned no reply to '" + command + "'");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(reply);
        } catch (JsonProcessingException e) {
            throw new AgentException("malformed guest agent reply to '" + command + "': " + abbreviate(reply), e);
        }
        if (node != null && node.isObject()) {
            JsonNode error = node.get("error");
            if (error != null && error.isObject()) {
                throw new AgentCommandException(command, Json.text(error, "class"), Json.text(error, "desc"));
            }
            JsonNode ret = node.get("return");
            if (ret != null) {
                return ret;
            }
        }
        throw new AgentException("guest agent reply to '" + command + "' has neither 'return' nor 'error': "
                + abbreviate(reply));
    }

    /** {@link #call(String, ObjectNode, Duration)} with the default timeout. */
    public JsonNode call(String command, ObjectNode arguments) {
        return call(command, arguments, defaultTimeout);
    }

    /** {@code guest-ping}: returns normally iff the agent answered. */
    public void ping() {
        call("guest-ping", null);
    }

    /**
     * {@code guest-ping} until the agent answers, at most {@code patience}, 250 ms apart: an agent that is not
     * connected yet (a guest still booting, or one just resumed after a migration, whose agent reconnects a moment
     * later) is asked again; an agent that answers with an error other than "disappeared" is not.
     *
     * @throws AgentException the last failure, when the agent did not answer within {@code patience}
     */
    public void awaitAnswer(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                ping();
                return;
            } catch (AgentException e) {
                if (System.nanoTime() > deadline || e instanceof AgentCommandException
                        && !String.valueOf(e.getMessage()).contains("disappeared")) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** {@code guest-info}: the agent version and the commands it supports. */
    public GuestInfo info() {
        JsonNode ret = requireObject("guest-info", call("guest-info", null));
        String version = Json.text(ret, "version");
        List<GuestCommandInfo> commands = new ArrayList<>();
        for (JsonNode c : requireArray("guest-info", ret.get("supported_commands"), "supported_commands")) {
            String name = Json.text(c, "name");
            if (name == null) {
                throw new AgentException("guest-info: supported command without a name: " + c);
            }
            commands.add(new GuestCommandInfo(name, c.path("enabled").asBoolean(false),
                    c.path("success-response").asBoolean(true)));
        }
        return new GuestInfo(version, commands);
    }

    /** {@code guest-network-get-interfaces}: the guest's interfaces, MAC addresses (lower case) and IPs. */
    public List<GuestNetworkInterface> networkInterfaces() {
        String cmd = "guest-network-get-interfaces";
        List<GuestNetworkInterface> result = new ArrayList<>();
        for (JsonNode i : requireArray(cmd, call(cmd, null), "return")) {
            String name = Json.text(i, "name");
            if (name == null) {
                throw new AgentException(cmd + ": interface without a name: " + i);
            }
            String mac = Json.text(i, "hardware-address");
            List<GuestIpAddress> ips = new ArrayList<>();
            JsonNode addrs = i.get("ip-addresses");
            if (addrs != null && addrs.isArray()) {
                for (JsonNode a : addrs) {
                    ips.add(new GuestIpAddress(Json.text(a, "ip-address-type"), Json.text(a, "ip-address"),
                            a.path("prefix").asInt()));
                }
            }
            result.add(new GuestNetworkInterface(name, mac == null ? null : mac.toLowerCase(Locale.ROOT), ips));
        }
        return List.copyOf(result);
    }

    /**
     * {@code guest-exec}: starts {@code argv} in the guest ({@code path} = argv[0], {@code arg} = the rest)
     * and returns at once. The agent resolves a relative argv[0] with its own {@code PATH}, which is not
     * reliable: prefer absolute paths.
     *
     * @param argv          the command, argv[0] first; not empty, no {@code null} or NUL-containing element
     * @param captureOutput whether the agent captures stdout/stderr for {@link #execStatus}
     * @return the guest pid, to pass to {@link #execStatus}
     * @throws InvalidGuestInputException if argv is invalid
     */
    public long exec(List<String> argv, boolean captureOutput) {
        return exec(argv, captureOutput, defaultTimeout);
    }

    private long exec(List<String> argv, boolean captureOutput, Duration timeout) {
        List<String> args = validateArgv(argv);
        ObjectNode arguments = Json.MAPPER.createObjectNode();
        arguments.put("path", args.get(0));
        ArrayNode arg = arguments.putArray("arg");
        args.subList(1, args.size()).forEach(arg::add);
        arguments.put("capture-output", captureOutput);
        JsonNode ret = requireObject("guest-exec", call("guest-exec", arguments, timeout));
        JsonNode pid = ret.get("pid");
        if (pid == null || !pid.isIntegralNumber()) {
            throw new AgentException("guest-exec reply for " + args + " has no pid: " + ret);
        }
        return pid.asLong();
    }

    /**
     * {@code guest-exec-status}: the state of a process started with {@link #exec}. Once it reports
     * {@code exited}, the agent forgets the pid.
     *
     * @param pid the pid returned by {@link #exec}
     * @throws AgentCommandException if the agent does not know the pid
     */
    public GuestExecStatus execStatus(long pid) {
        return execStatus(pid, defaultTimeout);
    }

    private GuestExecStatus execStatus(long pid, Duration timeout) {
        ObjectNode arguments = Json.MAPPER.createObjectNode();
        arguments.put("pid", pid);
        JsonNode ret = requireObject("guest-exec-status", call("guest-exec-status", arguments, timeout));
        JsonNode exited = ret.get("exited");
        if (exited == null || !exited.isBoolean()) {
            throw new AgentException("guest-exec-status reply for pid " + pid + " has no 'exited': " + ret);
        }
        JsonNode exit = ret.get("exitcode");
        JsonNode sig = ret.get("signal");
        return new GuestExecStatus(exited.asBoolean(),
                exit != null && exit.isIntegralNumber() ? exit.asInt() : null,
                sig != null && sig.isIntegralNumber() ? sig.asInt() : null,
                decodeBase64(ret, "out-data", pid),
                decodeBase64(ret, "err-data", pid),
                ret.path("out-truncated").asBoolean(false),
                ret.path("err-truncated").asBoolean(false));
    }

    /**
     * Runs {@code argv} in the guest and waits for it: {@code guest-exec} with captured output, then
     * {@code guest-exec-status} polled every 20 ms, doubling up to 200 ms, until the process exits (QGA
     * has no completion event; polling is the protocol).
     *
     * <p>The deadline bounds the wait for the process; each agent command is sent with the smaller of the
     * default timeout and the time left (at least 1 s), so the call may overrun {@code timeout} by at most
     * one agent round trip. On timeout the guest process is left running (QGA cannot kill it).
     *
     * @param argv    the command, argv[0] first (see {@link #exec})
     * @param timeout how long to wait for the process, positive
     * @return the final status; {@link GuestExecStatus#succeeded()} is always true
     * @throws GuestCommandFailedException if the process exited non-zero or was killed by a signal
     * @throws AgentTimeoutException       if it had not exited when the timeout passed (message has argv, pid)
     * @throws InvalidGuestInputException  if argv is invalid
     */
    public GuestExecStatus run(List<String> argv, Duration timeout) {
        List<String> args = validateArgv(argv);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long pid;
        try {
            pid = exec(args, true, callTimeout(deadline));
        } catch (AgentTimeoutException e) {
            throw new AgentTimeoutException("guest-exec of " + args + " timed out: " + e.getMessage(), e,
                    e.libvirtErrorCode());
        }
        long interval = FIRST_POLL_MS;
        while (true) {
            GuestExecStatus status;
            try {
                status = execStatus(pid, callTimeout(deadline));
            } catch (AgentTimeoutException e) {
                throw new AgentTimeoutException("guest command " + args + " (pid " + pid
                        + ") status query timed out: " + e.getMessage(), e, e.libvirtErrorCode());
            }
            if (status.exited()) {
                if (!status.succeeded()) {
                    throw new GuestCommandFailedException(args,
                            status.exitCode() == null ? -1 : status.exitCode(),
                            status.signal() == null ? 0 : status.signal(),
                            status.stdout(), status.stderr());
                }
                return status;
            }
            long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMs <= 0) {
                throw new AgentTimeoutException("guest command " + args + " (pid " + pid
                        + ") did not exit within " + timeout.toMillis() + " ms");
            }
            sleep(Math.min(interval, remainingMs));
            interval = Math.min(interval * 2, MAX_POLL_MS);
        }
    }

    private Duration callTimeout(long deadlineNanos) {
        Duration remaining = Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
        if (remaining.compareTo(MIN_CALL_TIMEOUT) < 0) {
            remaining = MIN_CALL_TIMEOUT;
        }
        return remaining.compareTo(defaultTimeout) < 0 ? remaining : defaultTimeout;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while waiting for the guest", e);
        }
    }

    static List<String> validateArgv(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            throw new InvalidGuestInputException("guest command argv must not be empty");
        }
        for (String a : argv) {
            if (a == null) {
                throw new InvalidGuestInputException("guest command argv contains null: " + argv);
            }
            if (a.indexOf('\0') >= 0) {
                throw new InvalidGuestInputException("guest command argv contains a NUL character: " + argv);
            }
        }
        if (argv.get(0).isEmpty()) {
            throw new InvalidGuestInputException("guest command argv[0] must not be empty: " + argv);
        }
        return List.copyOf(argv);
    }

    private static String decodeBase64(JsonNode ret, String field, long pid) {
        String b64 = Json.text(ret, field);
        if (b64 == null) {
            return "";
        }
        try {
            return new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AgentException("guest-exec-status for pid " + pid + ": '" + field + "' is not base64", e);
        }
    }

    private static JsonNode requireObject(String command, JsonNode ret) {
        if (!ret.isObject()) {
            throw new AgentException(command + " returned " + ret.getNodeType() + " instead of an object: "
                    + abbreviate(ret.toString()));
        }
        return ret;
    }

    private static JsonNode requireArray(String command, JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new AgentException(command + ": '" + what + "' is not an array: "
                    + (node == null ? "missing" : abbreviate(node.toString())));
        }
        return node;
    }

    static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }
}
