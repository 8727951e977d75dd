package io.passthru.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * After a migration, the guest tells its network where it is now and shows that its traffic flows again, through the
 * guest agent ({@code guest-exec}, argv only, never a shell):
 * <ul>
 *   <li>{@link #announce}: gratuitous ARP (RFC 5227 "ARP Announcement", {@code arping -U}) for every IPv4 address of
 *       the interfaces that carry a MAC, so that switches learn the port the MAC is behind now and neighbours update
 *       the ARP entries they hold for the guest (Linux updates an existing entry on a gratuitous ARP even with
 *       {@code arp_accept=0}: kernel {@code Documentation/networking/ip-sysctl.rst}, {@code arp_accept});</li>
 *   <li>{@link #reach}: the guest pings an address ({@code ping -c 1 -W 1}) until it answers, and says after how
 *       long.</li>
 * </ul>
 * The tools are run by absolute path, the first of {@link #ARPING_PATHS} or {@link #PING_PATHS} the guest can start
 * (busybox installs them in {@code /bin}, Debian's iputils in {@code /usr/bin} or {@code /usr/sbin}): qemu-ga's own
 * {@code PATH} is not reliable.
 * <p>
 * IPv6 addresses are not announced here: no tool of a stock guest sends an unsolicited neighbour advertisement on
 * request (Linux sends one itself when a bond's active slave changes, bonding's {@code num_unsol_na}, and when a
 * device comes up with {@code ndisc_notify} set). {@link Announcement#notAnnounced()} names them.
 */
public final class GuestReachability {
    /** Where {@code arping} is looked for in the guest, in this order. */
    public static final List<String> ARPING_PATHS = List.of("/usr/sbin/arping", "/usr/bin/arping", "/sbin/arping",
            "/bin/arping");
    /** Where {@code ping} is looked for in the guest, in this order. */
    public static final List<String> PING_PATHS = List.of("/usr/bin/ping", "/bin/ping", "/usr/sbin/ping",
            "/sbin/ping");
    /** Gratuitous ARPs per address: 2 (one second apart, as {@code arping -c 2} sends them). */
    public static final int GRATUITOUS_ARPS = 2;
    /** How long one {@code arping} or one {@code ping} may run in the guest: 5 s. */
    public static final Duration COMMAND_LIMIT = Duration.ofSeconds(5);
    /** How long {@link #announce} waits by default for an address on the interface with the MAC: 5 s. */
    public static final Duration ADDRESS_WAIT = Duration.ofSeconds(5);
    /** Pause between two pings that got no answer, and between two looks for an address: 200 ms. */
    public static final Duration PING_PAUSE = Duration.ofMillis(200);

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final GuestAgent agent;
    private String arping;
    private String ping;

    public GuestReachability(GuestAgent agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    /**
     * What {@link #announce} did.
     *
     * @param announced    each address announced, as {@code "IFACE ADDRESS"}
     * @param notAnnounced each address not announced, with why (an IPv6 address, or the arping that failed)
     */
    public record Announcement(List<String> announced, List<String> notAnnounced) {
        public Announcement {
            announced = List.copyOf(announced);
            notAnnounced = List.copyOf(notAnnounced);
        }
    }

    /**
     * What {@link #reach} found.
     *
     * @param address  the address pinged
     * @param answered whether it answered within the limit
     * @param afterMs  ms from the call to the end of the first answered ping (the whole time tried when none was)
     * @param attempts pings sent
     * @param lastError what the last unanswered ping printed (empty when the first one was answered)
     */
    public record TrafficCheck(String address, boolean answered, long afterMs, int attempts, String lastError) {
    }

    /**
     * Sends {@value #GRATUITOUS_ARPS} gratuitous ARPs ({@code arping -U -c 2 -I IFACE ADDRESS}) for each IPv4
     * address of each interface whose MAC is {@code mac} (a bond that took its active slave's MAC, net_failover's
     * master, or the VF's own netdev). An arping that fails is reported, not thrown: the guest's traffic does not
     * depend on it.
     *
     * A guest that puts its address on a VF only once the VF appeared (as Nova and KubeVirt guests do, by DHCP or
     * their network configuration) may not have it yet: the interfaces are looked at again every
     * {@link #PING_PAUSE} until one with that MAC has an IPv4 address, for up to {@code addressWait} (the IPv6
     * link-local address comes with the link; on the lab the IPv4 one came a moment later and was missed).
     *
     * @param mac         the MAC whose interfaces are announced
     * @param addressWait how long to wait for an address on an interface with {@code mac} (zero: look once)
     * @return what was announced and what was not; both empty when no interface with that MAC had an address
     * @throws InvalidGuestInputException when {@code mac} is not a MAC address (nothing is sent)
     * @throws AgentException             when the agent cannot list the guest's interfaces
     */
    public Announcement announce(String mac, Duration addressWait) {
        String want = GuestNetwork.validateMac(mac);
        long deadline = System.nanoTime() + addressWait.toNanos();
        List<GuestNetworkInterface> withMac;
        while (true) {
            withMac = agent.networkInterfaces().stream().filter(i -> want.equals(i.hardwareAddress())
                    && validName(i.name())).toList();
            if (withMac.stream().anyMatch(i -> i.ipAddresses().stream().anyMatch(a -> "ipv4".equals(a.type())))
                    || System.nanoTime() >= deadline) {
                break;
            }
            sleep(PING_PAUSE.toMillis());
        }
        List<String> done = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (GuestNetworkInterface i : withMac) {
            for (GuestIpAddress a : i.ipAddresses()) {
                String where = i.name() + " " + a.address();
                if (!"ipv4".equals(a.type())) {
                    not.add(where + ": IPv6, no unsolicited neighbour advertisement sent from the guest");
                    continue;
                }
                if (a.address() == null || !IPV4.matcher(a.address()).matches()) {
                    not.add(where + ": not an IPv4 address the guest agent reported as such");
                    continue;
                }
                try {
                    run(arpingPath(), List.of("-U", "-c", Integer.toString(GRATUITOUS_ARPS), "-I", i.name(),
                            a.address()), true);
                    done.add(where);
                } catch (AgentException e) {
                    not.add(where + ": " + firstLine(e.getMessage()));
                }
            }
        }
        return new Announcement(done, not);
    }

    /**
     * The guest pings {@code address} ({@code ping -c 1 -W 1 ADDRESS}), again every {@link #PING_PAUSE} after an
     * unanswered one, until it answers or {@code limit} has passed.
     *
     * @param address an IPv4 or IPv6 address (no host name: the guest's resolver is not asked)
     * @param limit   how long to keep trying, positive
     * @return whether and after how long (ms) it answered
     * @throws InvalidGuestInputException when {@code address} is not an IP address (nothing is run)
     * @throws AgentException             when the guest cannot run {@code ping} at all, or the agent fails
     */
    public TrafficCheck reach(String address, Duration limit) {
        String addr = validateAddress(address);
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        int attempts = 0;
        String last = "";
        while (true) {
            attempts++;
            try {
                run(pingPath(), List.of("-c", "1", "-W", "1", addr), false);
                return new TrafficCheck(addr, true, (System.nanoTime() - start) / 1_000_000, attempts, "");
            } catch (GuestCommandFailedException e) {
                last = firstLine(e.getMessage());
            } catch (AgentTimeoutException e) {
                last = firstLine(e.getMessage());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new TrafficCheck(addr, false, (System.nanoTime() - start) / 1_000_000, attempts, last);
            }
            sleep(Math.min(PING_PAUSE.toMillis(), left / 1_000_000 + 1));
        }
    }

    /**
     * Checks an IP address given for {@link #reach}: an IPv4 dotted quad, or an IPv6 address of hex digits, colons
     * and dots (at least one colon); never something {@code ping} would read as an option or a host name.
     *
     * @return {@code address}, IPv6 in lower case
     * @throws InvalidGuestInputException when it is not such an address
     */
    public static String validateAddress(String address) {
        if (address != null && IPV4.matcher(address).matches()) {
            return address;
        }
        if (address != null && IPV6.matcher(address).matches() && address.indexOf(':') >= 0
                && address.chars().filter(c -> c == ':').count() <= 7) {
            return address.toLowerCase(Locale.ROOT);
        }
        throw new InvalidGuestInputException("not an IP address: '" + address + "': give an IPv4 address like "
                + "192.0.2.1 or an IPv6 address like 2001:db8::1 (no host names)");
    }

    private static boolean validName(String name) {
        try {
            GuestNetwork.validateInterfaceName(name);
            return true;
        } catch (InvalidGuestInputException e) {
            return false;
        }
    }

    private String arpingPath() {
        if (arping == null) {
            arping = ARPING_PATHS.get(0);
        }
        return arping;
    }

    private String pingPath() {
        if (ping == null) {
            ping = PING_PATHS.get(0);
        }
        return ping;
    }

    /**
     * Runs {@code tool} with {@code args}; when the guest cannot start it (no such file), the next path of its list
     * is tried, and the one that started is kept for the next calls.
     */
    private GuestExecStatus run(String tool, List<String> args, boolean isArping) {
        List<String> paths = isArping ? ARPING_PATHS : PING_PATHS;
        AgentException notFound = null;
        for (int i = paths.indexOf(tool); i >= 0 && i < paths.size(); i++) {
            List<String> argv = new ArrayList<>();
            argv.add(paths.get(i));
            argv.addAll(args);
            try {
                GuestExecStatus s = agent.run(argv, COMMAND_LIMIT);
                keep(paths.get(i), isArping);
                return s;
            } catch (AgentCommandException e) {
                if (!cannotStart(e)) {
                    throw e;
                }
                notFound = e;
            } catch (GuestCommandFailedException e) {
                keep(paths.get(i), isArping);
                throw e;
            }
        }
        throw new AgentException("the guest has no " + (isArping ? "arping" : "ping") + " in " + paths
                + " (install busybox or iputils" + (isArping ? "-arping" : "-ping") + " in the guest): "
                + (notFound == null ? "" : firstLine(notFound.getMessage())), notFound);
    }

    private void keep(String path, boolean isArping) {
        if (isArping) {
            arping = path;
        } else {
            ping = path;
        }
    }

    /** qemu-ga's answer when the program does not exist: "Failed to execute child process ... (No such file ...)". */
    static boolean cannotStart(AgentCommandException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("No such file or directory") || m.contains("Failed to execute child process");
    }

    private static String firstLine(String s) {
        String m = String.valueOf(s).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while checking the guest's traffic", e);
        }
    }
}
