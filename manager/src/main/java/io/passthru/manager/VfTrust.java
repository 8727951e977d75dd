package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passthru.PassthruException;
import io.passthru.xml.PciAddress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The trust flag of an SR-IOV VF, which lets the guest's VF driver ask the PF for promiscuous and all-multicast
 * receive and for MAC changes (ip-link(8), {@code ip link set dev PF vf N trust on|off}). libvirt does not set it:
 * {@code trustGuestRxFilters='yes'} acts on macvtap and virtio interfaces only (formatdomain.html "Interface
 * elements"); libvirt programs a hostdev VF's MAC and VLAN on the PF but not its trust. OpenStack Nova sets it itself
 * on the compute host for a port bound with {@code trusted=true}, and sets it off again on unplug. passthru does the
 * same when the libvirt connection is to this machine ({@link #onThisMachine}); for a remote host it gives the
 * command to run there.
 *
 * <p>The VF's index N is its position among the PF's VFs by PCI address: a VF's routing ID is the PF's plus First VF
 * Offset plus (N × VF Stride) (PCIe SR-IOV specification, 2.1.3), so the order of the addresses is the order of the
 * indexes (the PF's {@code virtfnN} links in sysfs, kernel Documentation/PCI/pci-iov-howto.rst).
 */
public final class VfTrust {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long one {@code ip} command may run before passthru kills it and fails: 10 s. */
    static final Duration IP_LIMIT = Duration.ofSeconds(10);

    /**
     * What was done with a VF's trust flag.
     *
     * @param pf      the PF's netdev, e.g. "eth4"
     * @param index   the VF's index on the PF
     * @param on      the wanted state
     * @param applied true when passthru set it (this machine), false when the host is remote and {@code command} is
     *                for its operator
     * @param command the ip-link command that sets it
     */
    public record Setting(String pf, int index, boolean on, boolean applied, String command) {
        /** One line for the CLI. */
        public String describe() {
            return applied ? "VF trust " + (on ? "on" : "off") + " (" + command + ")"
                    : "VF trust not set: libvirt does not set it and the host is not this machine; on the host run: "
                    + command;
        }
    }

    private VfTrust() {
    }

    /**
     * The VF's index on its PF, from the inventory.
     *
     * @throws InvalidRequestException when {@code vf} is not a VF of {@code pf}
     */
    static int index(Inventory.Pf pf, PciAddress vf) {
        List<PciAddress> vfs = pf.vfs().stream().map(Inventory.Vf::address).sorted().toList();
        int i = vfs.indexOf(vf);
        if (i < 0) {
            throw new InvalidRequestException(vf + " is not a VF of PF " + pf.address());
        }
        return i;
    }

    /**
     * Whether the PFs of {@code hostUri} are this machine's: a URI without a host ({@link HostCheck#isLocal}), but not
     * libvirt's test driver ({@code test:///...}), whose devices are simulated.
     */
    public static boolean onThisMachine(String hostUri) {
        return HostCheck.isLocal(hostUri) && !hostUri.startsWith("test:");
    }

    /** The ip-link command setting the trust of VF {@code index} of PF netdev {@code pfNetdev}. */
    static List<String> command(String pfNetdev, int index, boolean on) {
        return List.of("ip", "link", "set", "dev", pfNetdev, "vf", Integer.toString(index), "trust", on ? "on" : "off");
    }

    /**
     * Sets the trust of {@code vf} to {@code on} when {@code hostUri} is this machine, checks it with {@code ip -j
     * link show}, or returns the command for a remote host.
     *
     * @throws InvalidRequestException when the PF has no netdev (its driver is not bound)
     * @throws PassthruException       when ip fails (not root: CAP_NET_ADMIN is needed) or the PF does not report the
     *                                 new state
     */
    static Setting set(String hostUri, Inventory inv, PciAddress vf, boolean on) {
        Inventory.Vf v = inv.vf(vf).orElseThrow(() -> new InvalidRequestException(vf + " is not an SR-IOV VF on "
                + hostUri));
        Inventory.Pf pf = inv.pf(v.pf()).orElseThrow();
        if (pf.netInterface() == null) {
            throw new InvalidRequestException("PF " + pf.address() + " of VF " + vf + " has no network interface on "
                    + hostUri + ": VF trust is set through the PF's netdev; bind its driver first");
        }
        int index = index(pf, vf);
        List<String> cmd = command(pf.netInterface(), index, on);
        String line = String.join(" ", cmd);
        if (!onThisMachine(hostUri)) {
            return new Setting(pf.netInterface(), index, on, false, line);
        }
        run(cmd);
        Boolean now = read(pf.netInterface(), index);
        if (now == null || now != on) {
            throw new PassthruException("'" + line + "' ran but " + pf.netInterface() + " reports VF " + index
                    + " trust " + (now == null ? "unknown (no trust in its vfinfo: the PF driver may not support it)"
                    : now ? "on" : "off"));
        }
        return new Setting(pf.netInterface(), index, on, true, line);
    }

    /** The trust of VF {@code index} as {@code ip -j link show dev PF} reports it; null when not reported. */
    static Boolean read(String pfNetdev, int index) {
        String out = run(List.of("ip", "-j", "link", "show", "dev", pfNetdev));
        return trustIn(out, index);
    }

    /** The trust of VF {@code index} in {@code ip -j link show} output; null when not there. */
    static Boolean trustIn(String ipJson, int index) {
        try {
            for (JsonNode link : JSON.readTree(ipJson)) {
                for (JsonNode vf : link.path("vfinfo_list")) {
                    if (vf.path("vf").asInt(-1) == index && vf.has("trust")) {
                        return vf.get("trust").asBoolean();
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new PassthruException("cannot read ip's JSON output: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code cmd} (an {@code ip} command) with the {@link #IP_LIMIT} limit.
     *
     * @return its output (stdout and stderr)
     * @throws PassthruException when it cannot be started, fails, or does not end in time (it is then killed)
     */
    private static String run(List<String> cmd) {
        return run(cmd, IP_LIMIT);
    }

    /**
     * Runs {@code cmd}, its stdout and stderr going to a temporary file, so that nothing waits on a pipe and the
     * limit is kept by {@link Process#waitFor(long, TimeUnit)} alone.
     *
     * @param limit how long the command may run; then it is killed ({@link Process#destroyForcibly})
     * @return its output (stdout and stderr)
     * @throws PassthruException when it cannot be started, exits with a status other than 0, or does not end within
     *                           {@code limit}
     */
    static String run(List<String> cmd, Duration limit) {
        String line = String.join(" ", cmd);
        Path outFile = null;
        try {
            outFile = Files.createTempFile("passthru-ip-", ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(outFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
                throw new PassthruException("'" + line + "' did not end within " + describe(limit) + "; passthru "
                        + "killed it. Check that the host's network stack answers ('ip link show' returns), then try "
                        + "again; after a 'trust' command, 'ip -j link show dev PF' tells whether the VF's trust "
                        + "changed");
            }
            String out = Files.readString(outFile, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new PassthruException("'" + line + "' failed (exit " + p.exitValue() + "): " + out.strip()
                        + (out.contains("ermission") || out.contains("not permitted")
                        ? "; setting VF trust needs root (CAP_NET_ADMIN)" : ""));
            }
            return out;
        } catch (IOException e) {
            throw new PassthruException("cannot run '" + line + "' (iproute2's ip is needed to set VF trust): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PassthruException("interrupted while running '" + line + "'", e);
        } finally {
            if (outFile != null) {
                try {
                    Files.deleteIfExists(outFile);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }

    /** {@code "10 s"}, or {@code "200 ms"} for a limit that is not whole seconds. */
    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }
}
