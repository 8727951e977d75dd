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
 * IPv6 addresses are announced by the guest's kernel: no tool of a stock guest sends an unsolicited neighbour
 * advertisement on request, but Linux sends one (override flag set, to all nodes) for every address of an interface
 * whose hardware address changes while its {@code ndisc_notify} is 1 (kernel {@code net/ipv6/ndisc.c},
 * {@code ndisc_netdev_event} on {@code NETDEV_CHANGEADDR}; {@code Documentation/networking/ip-sysctl.rst},
 * {@code ndisc_notify}). Setting an interface's MAC to the MAC it has raises that event without changing anything on
 * the wire (the kernel calls no driver when the address is the same), so {@link #announce} sets {@code ndisc_notify}
 * on the interface for that moment and then gives it back its old value. The change also flushes the guest's own ARP
 * and neighbour entries of that interface, which it learns again with its next packet.
 */
public final class GuestReachability {
    /** Where {@code arping} is looked for in the guest, in this order. */
    public static final List<String> ARPING_PATHS = List.of("/usr/sbin/arping", "/usr/bin/arping", "/sbin/arping",
            "/bin/arping");
    /** Where {@code ping} is looked for in the guest, in this order. */
    public static final List<String> PING_PATHS = List.of("/usr/bin/ping", "/bin/ping", "/usr/sbin/ping",
            "/sbin/ping");
    /** Where {@code sysctl} is looked for in the guest, in this order. */
    public static final List<String> SYSCTL_PATHS = List.of("/usr/sbin/sysctl", "/sbin/sysctl", "/usr/bin/sysctl",
            "/bin/sysctl");
    /** Where {@code ip} is looked for in the guest, in this order. */
    public static final List<String> IP_PATHS = List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip");
    /** Gratuitous ARPs per address: 2 (one second apart, as {@code arping -c 2} sends them). */
    public static final int GRATUITOUS_ARPS = 2;
    /** How long one {@code arping}, {@code ping}, {@code sysctl} or {@code ip} may run in the guest: 5 s. */
    public static final Duration COMMAND_LIMIT = Duration.ofSeconds(5);
    /** How long {@link #announce} waits by default for an address on the interface with the MAC: 5 s. */
    public static final Duration ADDRESS_WAIT = Duration.ofSeconds(5);
    /**
     * How long {@link #announce} waits for the guest's kernel to finish duplicate address detection of an IPv6
     * address (it advertises no tentative address, {@code ndisc_send_unsol_na}): 3 s, RFC 4862's one probe a second
     * with room.
     */
    public static final Duration DAD_WAIT = Duration.ofSeconds(3);
    /** Pause between two pings that got no answer, and between two looks for an address: 200 ms. */
    public static final Duration PING_PAUSE = Duration.ofMillis(200);

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final GuestAgent agent;
    /** The path of each tool that started in this guest, by its first path in the lists above. */
    private final java.util.Map<List<String>, String> found = new java.util.HashMap<>();

    public GuestReachability(GuestAgent agent) {
        this.agent = Objects.requireNonNull(agent, "agent");
    }

    /**
     * What {@link #announce} did.
     *
     * @param announced    each address announced, as {@code "IFACE ADDRESS"} (IPv4: gratuitous ARP; IPv6: unsolicited
     *                     neighbour advertisement)
     * @param notAnnounced each address not announced, with why (the arping, sysctl or ip that failed)
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
     * master, or the VF's own netdev), and has the guest's kernel send an unsolicited neighbour advertisement for each
     * of its IPv6 addresses, link-local ones included, once none is tentative any more ({@code ip -6 -o addr show dev
     * IFACE} for up to {@link #DAD_WAIT}; then {@code sysctl -n net/ipv6/conf/IFACE/ndisc_notify}, {@code sysctl -w
     * ...=1}, {@code ip link set dev IFACE address MAC}, and {@code ndisc_notify} back to what it was). A command that
     * fails is reported, not thrown: the guest's traffic does not depend on it.
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
            List<String> ipv6 = new ArrayList<>();
            for (GuestIpAddress a : i.ipAddresses()) {
                String where = i.name() + " " + a.address();
                if ("ipv6".equals(a.type())) {
                    ipv6.add(where);
                    continue;
                }
                if (a.address() == null || !IPV4.matcher(a.address()).matches()) {
                    not.add(where + ": not an IPv4 address the guest agent reported as such");
                    continue;
                }
                try {
                    run(ARPING_PATHS, "arping", List.of("-U", "-c", Integer.toString(GRATUITOUS_ARPS), "-I",
                            i.name(), a.address()));
                    done.add(where);
                } catch (AgentException e) {
                    not.add(where + ": " + firstLine(e.getMessage()));
                }
            }
            if (!ipv6.isEmpty()) {
                try {
                    java.util.Set<String> tentative = awaitDad(i.name());
                    List<String> ready = new ArrayList<>();
                    for (String w : ipv6) {
                        if (tentative.contains(w.substring(w.indexOf(' ') + 1).toLowerCase(Locale.ROOT))) {
                            not.add(w + ": still tentative after " + DAD_WAIT.toMillis() + " ms (duplicate address "
                                    + "detection), the kernel advertises it once it is done");
                        } else {
                            ready.add(w);
                        }
                    }
                    if (!ready.isEmpty()) {
                        notifyNeighbours(i.name(), want);
                        done.addAll(ready);
                    }
                } catch (AgentException e) {
                    String why = ": no unsolicited neighbour advertisement: " + firstLine(e.getMessage());
                    ipv6.forEach(w -> not.add(w + why));
                }
            }
        }
        return new Announcement(done, not);
    }

    /**
     * The IPv6 addresses of {@code iface} still tentative (or whose duplicate address detection failed), as {@code ip
     * -6 -o addr show dev IFACE} prints them, looked at every {@link #PING_PAUSE} for up to {@link #DAD_WAIT}.
     */
    private java.util.Set<String> awaitDad(String iface) {
        long deadline = System.nanoTime() + DAD_WAIT.toNanos();
        while (true) {
            java.util.Set<String> tentative = new java.util.HashSet<>();
            String out = run(IP_PATHS, "ip", List.of("-6", "-o", "addr", "show", "dev", iface)).stdout();
            for (String line : out.split("\n")) {
                if (!line.contains(" tentative") && !line.contains(" dadfailed")) {
                    continue;
                }
                String[] w = line.strip().split("\\s+");
                for (int k = 0; k + 1 < w.length; k++) {
                    if (w[k].equals("inet6")) {
                        String a = w[k + 1];
                        tentative.add((a.indexOf('/') < 0 ? a : a.substring(0, a.indexOf('/'))).toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (tentative.isEmpty() || System.nanoTime() >= deadline) {
                return tentative;
            }
            sleep(PING_PAUSE.toMillis());
        }
    }

    /**
     * Has the guest's kernel advertise every IPv6 address of {@code iface}: {@code ndisc_notify} on, the interface's
     * MAC set to itself ({@code NETDEV_CHANGEADDR}), {@code ndisc_notify} back to its old value even when the MAC
     * could not be set.
     */
    private void notifyNeighbours(String iface, String mac) {
        // the slash form: an interface name may hold dots (eth0.42), which sysctl's dotted form would split
        String key = "net/ipv6/conf/" + iface + "/ndisc_notify";
        String old = run(SYSCTL_PATHS, "sysctl", List.of("-n", key)).stdout().strip();
        if (!old.matches("-?[0-9]{1,3}")) {
            throw new AgentException("sysctl -n " + key + " printed '" + old + "', not a number");
        }
        boolean set = !"1".equals(old);
        if (set) {
            run(SYSCTL_PATHS, "sysctl", List.of("-w", key + "=1"));
        }
        try {
            run(IP_PATHS, "ip", List.of("link", "set", "dev", iface, "address", mac));
        } finally {
            if (set) {
                run(SYSCTL_PATHS, "sysctl", List.of("-w", key + "=" + old));
            }
        }
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
                run(PING_PATHS, "ping", List.of("-c", "1", "-W", "1", addr));
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

    /** What to install in a guest that has none of a tool's paths. */
    private static String packageOf(String tool) {
        return switch (tool) {
            case "arping" -> "busybox or iputils-arping";
            case "ping" -> "busybox or iputils-ping";
            case "sysctl" -> "busybox or procps";
            default -> "busybox or iproute2";
        };
    }

    /**
     * Runs {@code tool} with {@code args}, starting with the path that started before in this guest (else the first
     * of {@code paths}); when the guest cannot start it (no such file), the next path is tried, and the one that
     * started is kept for the next calls.
     */
    private GuestExecStatus run(List<String> paths, String tool, List<String> args) {
        AgentException notFound = null;
        for (int i = paths.indexOf(found.getOrDefault(paths, paths.get(0))); i >= 0 && i < paths.size(); i++) {
            List<String> argv = new ArrayList<>();
            argv.add(paths.get(i));
            argv.addAll(args);
            try {
                GuestExecStatus s = agent.run(argv, COMMAND_LIMIT);
                found.put(paths, paths.get(i));
                return s;
            } catch (AgentCommandException e) {
                if (!cannotStart(e)) {
                    throw e;
                }
                notFound = e;
            } catch (GuestCommandFailedException e) {
                found.put(paths, paths.get(i));
                throw e;
            }
        }
        throw new AgentException("the guest has no " + tool + " in " + paths + " (install " + packageOf(tool)
                + " in the guest): " + (notFound == null ? "" : firstLine(notFound.getMessage())), notFound);
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
