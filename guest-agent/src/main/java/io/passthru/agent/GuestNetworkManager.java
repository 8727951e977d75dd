package io.passthru.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NetworkManager in the guest, through {@code nmcli} run by {@code guest-exec} (argv lists, names validated with
 * {@link GuestNetwork#validateInterfaceName}). A guest whose bond NetworkManager owns has its own idea of the bond:
 * a bond-slave profile that matches a hot-plugged VF's MAC enslaves it by itself, and a VF passthru takes out of the
 * bond would be put back by that profile. The bond flow therefore takes a VF out of NetworkManager's hands
 * ({@code nmcli device set IFACE managed no}) before it unenslaves it, and lets NetworkManager enslave a new VF
 * when it has a profile for it.
 *
 * <p>nmcli's terse output ({@code -t}, nmcli(1)) separates fields with {@code :} and escapes {@code :} and
 * {@code \} inside a value with {@code \}. Device states are nmcli's words ({@code connected}, {@code disconnected},
 * {@code unavailable}, {@code unmanaged}, {@code connecting (...)}, ...).
 *
 * <p>Errors: {@link GuestCommandFailedException} when nmcli fails, {@link AgentException} for the agent's own errors.
 */
public final class GuestNetworkManager {
    /** Where Debian, Ubuntu, RHEL and Fedora install nmcli. */
    public static final String DEFAULT_NMCLI_PATH = "/usr/bin/nmcli";
    /** How often {@link #waitConnected} asks: 200 ms. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** One line of {@code nmcli -t -f DEVICE,TYPE,STATE,CONNECTION device}; {@code connection} null when none. */
    public record Device(String name, String type, String state, String connection) {
        public boolean connected() {
            return "connected".equals(state);
        }

        public boolean managed() {
            return !"unmanaged".equals(state);
        }
    }

    private final GuestAgent agent;
    private final Duration commandTimeout;

    public GuestNetworkManager(GuestAgent agent) {
        this(agent, GuestNetwork.DEFAULT_COMMAND_TIMEOUT);
    }

    public GuestNetworkManager(GuestAgent agent, Duration commandTimeout) {
        this.agent = agent;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Whether NetworkManager runs in the guest: {@code nmcli -t -f RUNNING general} says {@code running}. False when
     * the guest has no nmcli, or NetworkManager is stopped.
     */
    public boolean running() {
        GuestExecStatus st;
        try {
            st = agent.run(List.of(DEFAULT_NMCLI_PATH, "-t", "-f", "RUNNING", "general"), commandTimeout);
        } catch (AgentCommandException noNmcli) {
            return false; // guest-exec could not start it: no nmcli in this guest
        } catch (GuestCommandFailedException stopped) {
            return false; // nmcli without a daemon: "NetworkManager is not running" (exit 8)
        }
        return st.stdout().trim().equals("running");
    }

    /**
     * NetworkManager's devices when it runs in the guest, empty when it does not (no nmcli, or the daemon stopped):
     * {@link #running} and {@link #devices} in one command.
     */
    public Optional<List<Device>> devicesIfRunning() {
        try {
            return Optional.of(devices());
        } catch (AgentCommandException noNmcli) {
            return Optional.empty();
        } catch (GuestCommandFailedException stopped) {
            return Optional.empty();
        }
    }

    /** Every device NetworkManager knows, in nmcli's order. */
    public List<Device> devices() {
        GuestExecStatus st = nmcli("-t", "-f", "DEVICE,TYPE,STATE,CONNECTION", "device");
        return parseDevices(st.stdout());
    }

    /** The device {@code iface}, if NetworkManager knows it. */
    public Optional<Device> device(String iface) {
        GuestNetwork.validateInterfaceName(iface);
        return devices().stream().filter(d -> d.name().equals(iface)).findFirst();
    }

    /**
     * {@code nmcli device set IFACE managed yes|no}: with {@code no}, NetworkManager leaves the device as it is and
     * activates no profile on it (a runtime setting: it ends with the device).
     */
    public void setManaged(String iface, boolean managed) {
        GuestNetwork.validateInterfaceName(iface);
        nmcli("device", "set", iface, "managed", managed ? "yes" : "no");
    }

    /**
     * Waits up to {@code timeout} until NetworkManager shows {@code iface} connected (a profile is active on it).
     *
     * @return the device as last seen, connected or not (empty when NetworkManager never listed it)
     */
    public Optional<Device> waitConnected(String iface, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Device> d = device(iface);
        while (d.map(x -> !x.connected()).orElse(true) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            d = device(iface);
        }
        return d;
    }

    private GuestExecStatus nmcli(String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add(DEFAULT_NMCLI_PATH);
        argv.addAll(List.of(args));
        return agent.run(argv, commandTimeout);
    }

    /** Parses nmcli's terse device list (see the class comment for its escaping). */
    static List<Device> parseDevices(String stdout) {
        List<Device> out = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = splitTerse(line);
            if (f.size() < 4) {
                throw new AgentException("nmcli device: line with " + f.size() + " fields, 4 expected: " + line);
            }
            String conn = f.get(3).isEmpty() || f.get(3).equals("--") ? null : f.get(3);
            out.add(new Device(f.get(0), f.get(1), f.get(2), conn));
        }
        return out;
    }

    static List<String> splitTerse(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else if (c == ':') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        fields.add(cur.toString());
        return fields;
    }
}
