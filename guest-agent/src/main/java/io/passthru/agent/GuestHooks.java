package io.passthru.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Guest device notification hooks: executables in a guest directory ({@value #DEFAULT_DIR} by default) that the
 * migration engine runs through {@code guest-exec} ({@link GuestAgent#run}) before a passed-through PCI device is
 * hot-unplugged from the guest ({@link Event#PRE_UNPLUG}) and after its replacement is hot-plugged
 * ({@link Event#POST_PLUG}), so the guest can quiesce and resume what uses the device. Each hook is run as
 * {@code HOOK EVENT PCI-ADDRESS VENDOR:DEVICE [MAC]}, an argv (never a shell string); a hook fails the operation by
 * exiting non-zero.
 *
 * <p>Guest programs are run by absolute path: {@code /bin/ls} (busybox or GNU coreutils) and iproute2's {@code ip}
 * ({@value GuestNetwork#DEFAULT_IP_PATH} unless configured). The listing and {@code ip} are given
 * {@link GuestNetwork#DEFAULT_COMMAND_TIMEOUT} (10 s) each. "No such file" is recognised in {@code ls}'s English
 * message: a guest whose agent runs in another locale reports a missing directory as an error.
 *
 * <p>Errors: {@link InvalidGuestInputException} for bad arguments (nothing is sent), {@link GuestHookFailedException}
 * when a hook fails, {@link GuestCommandFailedException} when {@code ls} or {@code ip} fails, plus the agent errors
 * of {@link GuestAgent}.
 */
public final class GuestHooks {
    /** Default hook directory in the guest. */
    public static final String DEFAULT_DIR = "/etc/passthru/hooks.d";
    /** Default time limit of one hook: 30 s. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

    /** When a hook runs; {@link #id} is its first argument. */
    public enum Event {
        PRE_UNPLUG("pre-unplug"), POST_PLUG("post-plug");

        public final String id;

        Event(String id) {
            this.id = id;
        }
    }

    /**
     * The device a hook is told about, normalised to lower case.
     *
     * @param guestPciAddress its PCI address in the guest, {@code DDDD:BB:SS.F} (e.g. {@code 0000:07:00.0})
     * @param vendorDevice    its PCI vendor and device IDs, {@code vvvv:dddd} (e.g. {@code 8086:10ed})
     * @param mac             its MAC address for a NIC, else {@code null}
     */
    public record Device(String guestPciAddress, String vendorDevice, String mac) {
        /**
         * @throws InvalidGuestInputException if a field is malformed
         */
        public Device {
            guestPciAddress = pciAddress(guestPciAddress);
            vendorDevice = match(VENDOR_DEVICE, vendorDevice, "PCI vendor:device ID", "8086:10ed");
            mac = mac == null ? null : GuestNetwork.validateMac(mac);
        }

        List<String> arguments() {
            return mac == null ? List.of(guestPciAddress, vendorDevice) : List.of(guestPciAddress, vendorDevice, mac);
        }
    }

    /**
     * A hook that exited 0.
     *
     * @param hook absolute path in the guest
     * @param ms   wall time from starting it to seeing it exited, in milliseconds (includes agent round trips and
     *             up to 200 ms of {@link GuestAgent#run}'s polling)
     */
    public record Outcome(String hook, int exitCode, String stdout, String stderr, long ms) {
    }

    private static final String LS = "/bin/ls";
    /** Debian run-parts(8)'s default rule (without --lsbsysinit or --regex). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PCI_ADDRESS = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[01][0-9a-f]\\.[0-7]");
    private static final Pattern VENDOR_DEVICE = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{4}");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9_.+-]+)+");

    private final GuestAgent agent;
    private final String dir;
    private final String ipPath;

    /** Hooks in {@value #DEFAULT_DIR}. */
    public GuestHooks(GuestAgent agent) {
        this(agent, DEFAULT_DIR);
    }

    /** Hooks in {@code dir}, an absolute path without {@code .}/{@code ..} segments or trailing slash. */
    public GuestHooks(GuestAgent agent, String dir) {
        this(agent, dir, GuestNetwork.DEFAULT_IP_PATH);
    }

    /**
     * @param dir    the hook directory, an absolute path without {@code .}/{@code ..} segments or trailing slash
     * @param ipPath absolute path of iproute2's {@code ip} in the guest, for {@link #setMac}
     * @throws InvalidGuestInputException if a path is not valid
     */
    public GuestHooks(GuestAgent agent, String dir, String ipPath) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.dir = absolutePath(dir, "hook directory");
        this.ipPath = absolutePath(ipPath, "ip path");
    }

    /**
     * The hooks, as absolute paths sorted by name in the C locale ({@link String#compareTo}), from one
     * {@code /bin/ls -1FL DIR}: the executable regular files (or symlinks to them) whose name follows Debian
     * run-parts(8)'s default rule, {@code [A-Za-z0-9_-]+}, so editor backups ({@code 10-nvme~}) and package
     * leftovers ({@code 10-nvme.dpkg-old}) are skipped. A directory that does not exist has no hooks; a dangling
     * symlink in it is skipped (ls lists the other entries, then exits 1).
     *
     * @throws GuestCommandFailedException if ls fails otherwise (permission denied, ...)
     * @throws AgentException              if the directory is a file
     */
    public List<String> list() {
        List<String> hooks = new ArrayList<>();
        for (String line : lsTolerant(List.of(LS, "-1FL", dir)).split("\n")) {
            int slash = line.indexOf('/');
            if (slash >= 0 && slash < line.length() - 1) { // entries never contain '/': ls listed DIR itself
                throw new AgentException("hook directory " + dir + " is not a directory in the guest; make it one"
                        + " or configure another hook directory");
            }
            String name = line.endsWith("*") ? line.substring(0, line.length() - 1) : "";
            if (NAME.matcher(name).matches()) {
                hooks.add(dir + "/" + name);
            }
        }
        hooks.sort(null);
        return List.copyOf(hooks);
    }

    /** {@link #run(Event, Device, Duration)} with {@link #DEFAULT_LIMIT} (30 s) per hook. */
    public List<Outcome> run(Event event, Device device) {
        return run(event, device, DEFAULT_LIMIT);
    }

    /**
     * Runs every hook of {@link #list()} in order, each as {@code HOOK EVENT-ID PCI-ADDRESS VENDOR:DEVICE [MAC]}
     * with output captured, and stops at the first that fails.
     *
     * @param limitPerHook how long each hook may run, positive
     * @return one outcome per hook, in order; empty when there are none
     * @throws GuestHookFailedException if a hook exits non-zero, is killed, does not exit within
     *                                  {@code limitPerHook} (it may still run: QGA cannot stop it) or cannot start
     */
    public List<Outcome> run(Event event, Device device, Duration limitPerHook) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(device, "device");
        if (limitPerHook == null || limitPerHook.isNegative() || limitPerHook.isZero()) {
            throw new IllegalArgumentException("hook time limit must be positive: " + limitPerHook);
        }
        String args = String.join(" ", device.arguments());
        List<Outcome> outcomes = new ArrayList<>();
        for (String hook : list()) {
            List<String> argv = new ArrayList<>(List.of(hook, event.id));
            argv.addAll(device.arguments());
            long t0 = System.nanoTime();
            try {
                GuestExecStatus s = agent.run(argv, limitPerHook);
                outcomes.add(new Outcome(hook, s.exitCode(), s.stdout(), s.stderr(), (System.nanoTime() - t0) / 1_000_000));
            } catch (GuestCommandFailedException e) {
                boolean killed = e.signal() != 0;
                throw new GuestHookFailedException(hook, event.id, args, killed ? null : e.exitCode(),
                        killed ? e.signal() : null, null, e.stdout(), e.stderr(), e);
            } catch (AgentTimeoutException e) {
                throw new GuestHookFailedException(hook, event.id, args, null, null, limitPerHook, "", "", e);
            } catch (AgentCommandException e) {
                if (!"guest-exec".equals(e.command())) {
                    throw e;
                }
                throw new GuestHookFailedException(hook, event.id, args, null, null, null, "", "", e);
            }
        }
        return List.copyOf(outcomes);
    }

    /**
     * The name of the network interface of PCI device {@code guestPciAddress} in the guest: the first entry of
     * {@code /bin/ls -1 /sys/bus/pci/devices/ADDR/net}; empty when the device is absent, has no network driver
     * bound, or has no interface.
     *
     * @throws InvalidGuestInputException if the address is not {@code DDDD:BB:SS.F}
     */
    public Optional<String> netdevAt(String guestPciAddress) {
        String net = "/sys/bus/pci/devices/" + pciAddress(guestPciAddress) + "/net";
        return lsTolerant(List.of(LS, "-1", net)).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst();
    }

    /**
     * Sets the MAC address of {@code link}: {@code ip link set dev LINK address MAC}.
     *
     * @throws InvalidGuestInputException  if the name or the MAC is malformed (nothing is sent)
     * @throws GuestCommandFailedException if ip fails (no such link, the driver refuses the address, ...)
     */
    public void setMac(String link, String mac) {
        GuestNetwork.validateInterfaceName(link);
        String m = GuestNetwork.validateMac(mac);
        agent.run(List.of(ipPath, "link", "set", "dev", link, "address", m), GuestNetwork.DEFAULT_COMMAND_TIMEOUT);
    }

    /** The hook directory in the guest. */
    public String dir() {
        return dir;
    }

    /**
     * Runs ls and returns its stdout, also when it exited non-zero with only "No such file" errors: the listed
     * path does not exist (stdout is empty), or an entry is a dangling symlink (stdout has the other entries).
     */
    private String lsTolerant(List<String> argv) {
        try {
            return agent.run(argv, GuestNetwork.DEFAULT_COMMAND_TIMEOUT).stdout();
        } catch (GuestCommandFailedException e) {
            String err = e.stderr().strip();
            if (e.signal() != 0 || err.isEmpty() || !err.lines().allMatch(l -> l.contains("No such file"))) {
                throw e;
            }
            return e.stdout();
        }
    }

    private static String pciAddress(String address) {
        return match(PCI_ADDRESS, address, "guest PCI address", "0000:07:00.0");
    }

    private static String match(Pattern p, String value, String what, String example) {
        if (value == null || !p.matcher(value.toLowerCase(Locale.ROOT)).matches()) {
            throw new InvalidGuestInputException("invalid " + what + " '" + value + "': expected hex digits like "
                    + example);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String absolutePath(String path, String what) {
        if (path == null || !PATH.matcher(path).matches() || path.contains("/./") || path.contains("/../")
                || path.endsWith("/.") || path.endsWith("/..")) {
            throw new InvalidGuestInputException("invalid " + what + " '" + path + "': expected an absolute path of"
                    + " [A-Za-z0-9_.+-] without '.' or '..' segments or trailing '/', like " + DEFAULT_DIR);
        }
        return path;
    }
}
