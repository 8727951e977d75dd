package io.passthru.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guest-side network operations for the VF + virtio active-backup bond, done with iproute2 {@code ip} run
 * through {@code guest-exec} ({@link GuestAgent#run}). Bond semantics (slaves, {@code active_slave},
 * {@code fail_over_mac}) are those of kernel {@code Documentation/networking/bonding.rst}.
 *
 * <p>{@code ip} is run by absolute path ({@value #DEFAULT_IP_PATH} unless configured): qemu-ga resolves a
 * bare {@code "ip"} with its own {@code PATH}, which is not reliable. Every interface and bond name is
 * validated with {@link #validateInterfaceName} before use, and commands are argv lists, never shell
 * strings. Each {@code ip} invocation is given the command timeout set at construction (10 s by default).
 *
 * <p>Errors: {@link InvalidGuestInputException} for bad names or MACs (nothing is sent),
 * {@link GuestCommandFailedException} when {@code ip} fails (message has its argv and stderr),
 * {@link AgentException} when the guest state after a change is not the requested one or ip's output
 * cannot be parsed, plus the agent errors of {@link GuestAgent}.
 */
public final class GuestNetwork {
    /** The QGA commands every operation here runs {@code ip} with. */
    public static final List<String> REQUIRED_COMMANDS = List.of("guest-exec", "guest-exec-status");
    /** Default location of iproute2's {@code ip} in the guest. */
    public static final String DEFAULT_IP_PATH = "/sbin/ip";
    /** Default timeout of one {@code ip} invocation: 10 s. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(10);
    /** Interval between two {@code ip link show} polls in {@link #waitForMac}: 100 ms. */
    public static final Duration WAIT_POLL_INTERVAL = Duration.ofMillis(100);

    /** Linux interface names: at most IFNAMSIZ-1 = 15 characters; restricted here to a safe alphabet. */
    private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("/[A-Za-z0-9_.+/-]*");

    private final GuestAgent agent;
    private final String ipPath;
    private final Duration commandTimeout;

    /** Uses {@value #DEFAULT_IP_PATH} and a 10 s timeout per {@code ip} invocation. */
    public GuestNetwork(GuestAgent agent) {
        this(agent, DEFAULT_IP_PATH, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * @param ipPath absolute path of {@code ip} in the guest, e.g. {@code "/usr/sbin/ip"}
     * @throws InvalidGuestInputException if {@code ipPath} is not an absolute path of safe characters
     */
    public GuestNetwork(GuestAgent agent, String ipPath) {
        this(agent, ipPath, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * @param ipPath         absolute path of {@code ip} in the guest
     * @param commandTimeout timeout of each {@code ip} invocation, positive
     * @throws InvalidGuestInputException if {@code ipPath} is not an absolute path of safe characters
     */
    public GuestNetwork(GuestAgent agent, String ipPath, Duration commandTimeout) {
        this.agent = Objects.requireNonNull(agent, "agent");
        if (ipPath == null || !ABSOLUTE_PATH.matcher(ipPath).matches() || ipPath.length() < 2
                || ipPath.endsWith("/")) {
            throw new InvalidGuestInputException("ip path must be an absolute path like /sbin/ip: " + ipPath);
        }
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("command timeout must be positive: " + commandTimeout);
        }
        this.ipPath = ipPath;
        this.commandTimeout = commandTimeout;
    }

    /** Absolute path of {@code ip} used in the guest. */
    public String ipPath() {
        return ipPath;
    }

    /**
     * Checks a Linux interface (or bond) name: 1 to 15 characters (IFNAMSIZ is 16 with the NUL) from
     * {@code [A-Za-z0-9_.-]}, not {@code "."} or {@code ".."} (rejected by the kernel's
     * {@code dev_valid_name}), and not starting with {@code '-'} (would read as an option).
     *
     * @return {@code name}
     * @throws InvalidGuestInputException if it is not valid
     */
    public static String validateInterfaceName(String name) {
        if (name == null) {
            throw new InvalidGuestInputException("interface name must not be null");
        }
        if (!IFNAME.matcher(name).matches() || name.equals(".") || name.equals("..") || name.startsWith("-")) {
            throw new InvalidGuestInputException("invalid Linux interface name '" + name
                    + "': expected 1-15 characters from [A-Za-z0-9_.-], not '.', '..' or starting with '-'");
        }
        return name;
    }

    /**
     * Checks an Ethernet MAC address, six colon-separated hex octets in either case.
     *
     * @return the address in lower case
     * @throws InvalidGuestInputException if it is not valid
     */
    public static String validateMac(String mac) {
        if (mac == null || !MAC.matcher(mac).matches()) {
            throw new InvalidGuestInputException("invalid MAC address '" + mac
                    + "': expected six colon-separated hex octets like 52:54:00:ab:cd:01");
        }
        return mac.toLowerCase(Locale.ROOT);
    }

    /** All links of the guest ({@code ip -j -d link show}), in ifindex order. */
    public List<GuestLink> links() {
        return parseLinks(showLinks());
    }

    /**
     * The guest's links and bonds as one {@code ip -j -d link show} saw them: what {@link #links} and {@link #bond}
     * return, from a single command in the guest (a pre-check that needs both runs one guest-exec, not two).
     */
    public Snapshot snapshot() {
        JsonNode root = showLinks();
        return new Snapshot(parseLinks(root), root);
    }

    /** One reading of the guest's links ({@link #snapshot}). */
    public static final class Snapshot {
        private final List<GuestLink> links;
        private final JsonNode root;

        Snapshot(List<GuestLink> links, JsonNode root) {
            this.links = links;
            this.root = root;
        }

        /** As {@link GuestNetwork#links}. */
        public List<GuestLink> links() {
            return links;
        }

        /**
         * As {@link GuestNetwork#bond}, from this reading.
         *
         * @throws AgentException if there is no such link or it is not a bond
         */
        public BondState bond(String bondName) {
            validateInterfaceName(bondName);
            return bondState(root, bondName);
        }
    }

    /**
     * The guest link whose current or permanent MAC ({@link GuestLink#hasMac}) is {@code mac}, case
     * insensitive. Links that are not bonds come first, then ip's order: with {@code fail_over_mac=none}
     * the bond and its slaves share one address, and the physical link is wanted. If two physical NICs
     * carry the same MAC (a VF and a virtio NIC configured with one address) the one with the lower
     * ifindex wins; use {@link #findAllByMac} to see all of them.
     *
     * @throws InvalidGuestInputException if {@code mac} is malformed
     */
    public Optional<GuestLink> findByMac(String mac) {
        return findAllByMac(mac).stream().findFirst();
    }

    /**
     * The PCI-backed link (a VF) carrying {@code mac} as current or permanent address, skipping virtio NICs and
     * bonds that share the MAC.
     */
    public Optional<GuestLink> findPciByMac(String mac) {
        return findAllByMac(mac).stream().filter(GuestLink::isPciDevice).findFirst();
    }

    /** Every link matching {@code mac} (as in {@link #findByMac}), non-bond links first, then ip's order. */
    public List<GuestLink> findAllByMac(String mac) {
        String wanted = validateMac(mac); // before anything runs in the guest
        return matching(links(), wanted);
    }

    private static List<GuestLink> matching(List<GuestLink> links, String mac) {
        List<GuestLink> result = new ArrayList<>();
        for (GuestLink l : links) {
            if (l.hasMac(mac)) {
                result.add(l);
            }
        }
        result.sort(Comparator.comparing(GuestLink::isBond)); // stable: keeps ip's order otherwise
        return List.copyOf(result);
    }

    /**
     * The state of bond {@code bondName}: mode, active slave, slaves and their MII status.
     *
     * @throws InvalidGuestInputException if the name is invalid
     * @throws AgentException             if there is no such link or it is not a bond
     */
    public BondState bond(String bondName) {
        validateInterfaceName(bondName);
        return bondState(showLinks(), bondName);
    }

    /**
     * Enslaves the PCI netdev with {@code mac} into {@code bond} in a guest whose NetworkManager owns the bond: its
     * bond-slave profile for that MAC enslaves a new netdev by itself, so this waits up to {@code patience} for the
     * kernel to show it in the bond (enslaving it at the same time would race NetworkManager's own attach, which
     * takes the port down and up again), and enslaves it after that when NetworkManager did not. The netdev is looked
     * up by MAC on every poll ({@link GuestNetworkManager#POLL_INTERVAL} apart): udev renames a new netdev (eth0 to
     * enp5s0) meanwhile.
     *
     * @return the netdev's name in the guest
     * @throws AgentException when the guest shows no PCI netdev with that MAC, or the agent fails
     */
    public String enslaveAfterManagerPatience(String mac, String bond, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            GuestLink link = findPciByMac(mac).orElseThrow(() -> new AgentException(
                    "the guest shows no PCI netdev with MAC " + mac));
            if (bond.equals(link.master())) {
                return link.name(); // NetworkManager enslaved it
            }
            if (System.nanoTime() > deadline) {
                enslave(bond, link.name());
                return link.name();
            }
            GuestAgent.sleep(GuestNetworkManager.POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Enslaves {@code iface} to {@code bond}: {@code ip link set dev IFACE down}, {@code ip link set dev
     * IFACE master BOND}, {@code ip link set dev IFACE up} (bonding.rst, "Configuring Bonding Manually with
     * iproute2"), then checks with {@link #bond} that {@code iface} is a slave.
     *
     * @throws AgentException if {@code iface} is not a slave of {@code bond} afterwards
     */
    public void enslave(String bond, String iface) {
        validateInterfaceName(bond);
        validateInterfaceName(iface);
        requireDistinct(bond, iface);
        ip("link", "set", "dev", iface, "down");
        ip("link", "set", "dev", iface, "master", bond);
        ip("link", "set", "dev", iface, "up");
        BondState state = bond(bond);
        if (!state.hasSlave(iface)) {
            throw new AgentException("guest interface '" + iface + "' is not a slave of bond '" + bond
                    + "' after enslaving it (slaves: " + state.slaves() + ")");
        }
    }

    /**
     * Releases {@code iface} from {@code bond}: {@code ip link set dev IFACE nomaster}, then checks with
     * {@link #bond} that it is no longer a slave. If it was the active slave, the bond fails over to another
     * slave by itself.
     *
     * @throws AgentException if {@code iface} is still a slave of {@code bond} afterwards
     */
    public void unenslave(String bond, String iface) {
        validateInterfaceName(bond);
        validateInterfaceName(iface);
        requireDistinct(bond, iface);
        ip("link", "set", "dev", iface, "nomaster");
        BondState state = bond(bond);
        if (state.hasSlave(iface)) {
            throw new AgentException("guest interface '" + iface + "' is still a slave of bond '" + bond
                    + "' after releasing it (slaves: " + state.slaves() + ")");
        }
    }

    /**
     * Makes {@code iface} the active slave of active-backup bond {@code bond}: {@code ip link set dev BOND
     * type bond active_slave IFACE} (bonding.rst {@code active_slave}), then checks with {@link #bond}.
     *
     * @throws GuestCommandFailedException if the kernel refuses (not a slave, no link, wrong mode)
     * @throws AgentException              if the active slave is not {@code iface} afterwards
     */
    public void setActiveSlave(String bond, String iface) {
        validateInterfaceName(bond);
        validateInterfaceName(iface);
        requireDistinct(bond, iface);
        ip("link", "set", "dev", bond, "type", "bond", "active_slave", iface);
        BondState state = bond(bond);
        if (!iface.equals(state.activeSlave())) {
            throw new AgentException("active slave of bond '" + bond + "' is '" + state.activeSlave()
                    + "', not '" + iface + "', after setting it");
        }
    }

    /** Sets {@code iface} administratively up: {@code ip link set dev IFACE up}. */
    public void linkUp(String iface) {
        validateInterfaceName(iface);
        ip("link", "set", "dev", iface, "up");
    }

    /**
     * Polls {@link #links()} every 100 ms until a link with {@code mac} appears (as {@link #findByMac}
     * matches it), e.g. after a VF was hot-plugged. The first poll is immediate; the last is at or after
     * the deadline.
     *
     * @param timeout how long to wait, not negative
     * @return the link, or empty if none appeared within {@code timeout}
     * @throws InvalidGuestInputException if {@code mac} is malformed
     */
    public Optional<GuestLink> waitForMac(String mac, Duration timeout) {
        // (transient agent failures while polling are retried until the timeout; see waitFor)
        return waitFor(mac, timeout, l -> true);
    }

    /**
     * Like {@link #waitForMac} but only a PCI-backed link (a VF, see {@link GuestLink#isPciDevice()}) counts, so a
     * virtio NIC with the same MAC does not end the wait. Used after hot-plugging a VF.
     */
    public Optional<GuestLink> waitForPciMac(String mac, Duration timeout) {
        return waitFor(mac, timeout, GuestLink::isPciDevice);
    }

    private Optional<GuestLink> waitFor(String mac, Duration timeout, java.util.function.Predicate<GuestLink> filter) {
        String wanted = validateMac(mac);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            AgentException transientFailure = null;
            try {
                List<GuestLink> found = matching(links(), wanted).stream().filter(filter).toList();
                if (!found.isEmpty()) {
                    return Optional.of(found.get(0));
                }
            } catch (AgentUnavailableException | AgentTimeoutException e) {
                transientFailure = e; // a busy or restarting agent: keep polling until the deadline
            }
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                if (transientFailure != null) {
                    throw transientFailure;
                }
                return Optional.empty();
            }
            // rounded up: a wait never ends before its timeout (truncating gave up to 1 ms early)
            long remainingMs = (remainingNanos + 999_999) / 1_000_000;
            GuestAgent.sleep(Math.min(WAIT_POLL_INTERVAL.toMillis(), remainingMs));
        }
    }

    private static void requireDistinct(String bond, String iface) {
        if (bond.equals(iface)) {
            throw new InvalidGuestInputException("interface and bond are both '" + bond + "'");
        }
    }

    private GuestExecStatus ip(String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add(ipPath);
        argv.addAll(List.of(args));
        return agent.run(argv, commandTimeout);
    }

    /**
     * {@code ip -j -d link show}, once more when the agent dropped in the middle: qemu-ga can close its virtio-serial
     * port while a command runs (libvirt: "Guest agent disappeared while executing command"), and a restarted agent
     * no longer knows the pid. The query changes nothing in the guest, so it is simply run again once the agent
     * answers {@code guest-ping}, within one {@code commandTimeout}. An error the agent answered with (a disabled
     * {@code guest-exec}) is thrown at once. Commands that change the guest are never repeated here.
     */
    private String showLinksOutput() {
        try {
            return ip("-j", "-d", "link", "show").stdout();
        } catch (GuestCommandFailedException | InvalidGuestInputException e) {
            throw e;
        } catch (AgentCommandException e) {
            if (!String.valueOf(e.getMessage()).contains("disappeared")) {
                throw e; // the agent answered with an error (e.g. guest-exec disabled): asking again changes nothing
            }
            return showLinksAgain(e);
        } catch (AgentException first) {
            return showLinksAgain(first);
        }
    }

    private String showLinksAgain(AgentException first) {
        long deadline = System.nanoTime() + commandTimeout.toNanos();
        while (true) {
            try {
                agent.ping();
                return ip("-j", "-d", "link", "show").stdout();
            } catch (GuestCommandFailedException | InvalidGuestInputException e) {
                throw e;
            } catch (AgentException again) {
                if (System.nanoTime() > deadline) {
                    again.addSuppressed(first);
                    throw again;
                }
                GuestAgent.sleep(500);
            }
        }
    }

    private JsonNode showLinks() {
        String out = showLinksOutput();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(out);
        } catch (JsonProcessingException e) {
            throw new AgentException("cannot parse output of '" + ipPath + " -j -d link show': "
                    + GuestAgent.abbreviate(out), e);
        }
        if (root == null || !root.isArray()) {
            throw new AgentException("output of '" + ipPath + " -j -d link show' is not a JSON array: "
                    + GuestAgent.abbreviate(out));
        }
        return root;
    }

    static List<GuestLink> parseLinks(JsonNode root) {
        List<GuestLink> links = new ArrayList<>();
        for (JsonNode l : root) {
            String name = Json.text(l, "ifname");
            if (name == null) {
                throw new AgentException("link without 'ifname' in ip -j output: " + GuestAgent.abbreviate(l.toString()));
            }
            boolean up = false;
            boolean lowerUp = false;
            for (JsonNode f : l.path("flags")) {
                up |= "UP".equals(f.asText());
                lowerUp |= "LOWER_UP".equals(f.asText());
            }
            JsonNode linkinfo = l.path("linkinfo");
            String perm = Json.text(l, "permaddr");
            if (perm == null) {
                perm = Json.text(linkinfo.path("info_slave_data"), "perm_hwaddr");
            }
            links.add(new GuestLink(name, lower(Json.text(l, "address")), Json.text(l, "operstate"), up, lowerUp,
                    Json.text(l, "master"), Json.text(linkinfo, "info_kind"), lower(perm), Json.text(l, "parentbus")));
        }
        return List.copyOf(links);
    }

    static BondState bondState(JsonNode root, String bondName) {
        JsonNode bond = null;
        for (JsonNode l : root) {
            if (bondName.equals(Json.text(l, "ifname"))) {
                bond = l;
                break;
            }
        }
        if (bond == null) {
            throw new AgentException("guest has no link named '" + bondName + "'");
        }
        String kind = Json.text(bond.path("linkinfo"), "info_kind");
        if (!"bond".equals(kind)) {
            throw new AgentException("guest link '" + bondName + "' is not a bond (kind " + kind + ")");
        }
        JsonNode data = bond.path("linkinfo").path("info_data");
        List<String> slaves = new ArrayList<>();
        Map<String, String> mii = new LinkedHashMap<>();
        for (JsonNode l : root) {
            if (bondName.equals(Json.text(l, "master"))) {
                String name = Json.text(l, "ifname");
                slaves.add(name);
                String status = Json.text(l.path("linkinfo").path("info_slave_data"), "mii_status");
                if (status != null) {
                    mii.put(name, status);
                }
            }
        }
        return new BondState(bondName, Json.text(data, "mode"), Json.text(data, "active_slave"), slaves, mii);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
