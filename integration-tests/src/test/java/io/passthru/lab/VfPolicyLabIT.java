package io.passthru.lab;

import io.passthru.agent.GuestCommandFailedException;
import io.passthru.agent.GuestExecStatus;
import io.passthru.manager.Inventory;
import io.passthru.manager.VfPolicies;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A VF's policy on the lab's igb PFs (issue 24), with passthru run on the lab hosts themselves (the policy is set with
 * ip-link on the PF, which passthru does on its own machine): attach sets spoof checking off, a 100 Mbit/s limit and
 * VLAN 42 with priority 3, and the PF shows them; a link state is refused before anything changes, naming igb; a bond
 * migration run on host 2 gives host 2's VF the same policy and host 1's VF its defaults back; detach on host 2
 * clears it and forgets the record.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VfPolicyLabIT {
    static final String NAME = "it-vfpolicy";
    static final String MAC = "52:54:00:a1:00:74";
    static final String ADDR = "192.0.2.74";
    static final String POLICY = "vlan 42, qos 3, tx rate 100 (Mbps), max_tx_rate 100Mbps, spoof checking off";

    static final String DEFINED = "it-vfpolicy-def";
    /** A pool whose device_spec tags give the lab's igb VFs the same policy as the attach above. */
    static final String POOL = """
            {"device_spec": [{"vendor_id": "8086", "product_id": "10ca", "vlan": "42", "vlan_qos": "3",
                              "spoofchk": "off", "max_tx_rate": "100"}],
             "alias": [{"name": "tagged", "vendor_id": "8086", "product_id": "10ca", "device_type": "type-VF"}]}
            """;

    @AfterAll
    void cleanup() {
        Lab.removeGuest(1, NAME);
        Lab.removeGuest(2, NAME);
        Lab.removeGuest(1, DEFINED);
    }

    /** passthru run on lab host {@code n} itself; its output and exit code. */
    private static GuestExecStatus onHost(int n, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = Lab.CLI.toAbsolutePath().normalize().toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        GuestExecStatus st;
        try {
            st = Lab.onHost(n, Duration.ofMinutes(5), argv);
        } catch (GuestCommandFailedException failed) { // a non-zero exit: the test reads it
            st = new GuestExecStatus(true, failed.exitCode(), null, failed.stdout(), failed.stderr(), false, false);
        }
        System.out.println("passthru " + String.join(" ", args) + " on host " + n + " -> exit " + st.exitCode()
                + "\n" + st.stdout() + st.stderr());
        return st;
    }

    /** The {@code ip link show} line of VF {@code index} of host n's igb PF. */
    private static String vfIndexLine(int n, int index) {
        String out = Lab.onHostOk(n, "/bin/sh", "-c", "for d in /sys/class/net/*; do [ \"$(cat $d/address)\" = "
                + "52:54:00:00:0" + n + ":03 ] && ip link show $(basename $d); done; true");
        return out.lines().filter(l -> l.trim().startsWith("vf " + index + " ")).findFirst().orElse("");
    }

    private static PciAddress vfOf(org.libvirt.Domain dom) {
        Domain d = XmlCodec.unmarshal(Host.xml(dom, false), Domain.class);
        return d.devices().interfaces().stream().filter(DomainInterface::isHostdev).findFirst()
                .flatMap(DomainInterface::sourcePciAddress).orElseThrow(() -> new AssertionError("no VF in "
                        + Host.name(dom)));
    }

    private static int indexOf(int n, PciAddress vf) {
        Inventory inv = Inventory.scan(Lab.host(n));
        Inventory.Pf pf = inv.pf(inv.vf(vf).orElseThrow().pf()).orElseThrow();
        return pf.vfs().stream().map(Inventory.Vf::address).sorted().toList().indexOf(vf);
    }

    @Test
    void thePolicyIsSetFollowsTheGuestToTheDestinationAndIsClearedOnDetach() throws Exception {
        cleanup();
        org.libvirt.Domain dom = Lab.startGuest(1, NAME, MAC, ADDR + "/24");
        List<PciAddress> free = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree)
                .map(Inventory.Vf::address).toList();

        // igb has no ndo_set_vf_link_state: refused before anything changes, naming the driver
        GuestExecStatus refused = onHost(1, "attach", NAME, "--connect", "qemu:///system", "--vf",
                free.get(0).toString(), "--mac", MAC, "--link-state", "enable");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.stderr().contains("driver igb cannot set link state (ndo_set_vf_link_state) "
                + "[--link-state]"), refused.stderr());
        assertTrue(XmlCodec.unmarshal(Host.xml(dom, false), Domain.class).devices().interfaces().stream()
                .noneMatch(DomainInterface::isHostdev), "nothing attached");

        GuestExecStatus a = onHost(1, "attach", NAME, "--connect", "qemu:///system", "--vf", free.get(0).toString(),
                "--mac", MAC, "--bond", "bond0", "--spoofchk", "off", "--max-tx-rate", "100", "--vlan", "42:3");
        assertEquals(0, a.exitCode(), a.stdout() + a.stderr());
        assertTrue(a.stdout().contains("VF policy set on "), a.stdout());
        int srcIndex = indexOf(1, free.get(0));
        String src = vfIndexLine(1, srcIndex);
        System.out.println("VF POLICY host 1 vf " + srcIndex + " after attach: " + src);
        assertTrue(src.contains(MAC) && src.contains(POLICY), src);
        assertTrue(Host.xml(dom, false).contains(VfPolicies.NAMESPACE), "recorded with the domain");

        // the bond migration, run on host 2: host 1 reached over the migration link, host 2 is this machine
        long t0 = System.nanoTime();
        GuestExecStatus m = onHost(2, "migrate", NAME, "--connect", "qemu+tcp://" + Lab.migrationAddress(1)
                + "/system", "--to", "qemu:///system", "--mode", "bond", "--migrate-uri", "tcp://"
                + Lab.migrationAddress(2));
        System.out.printf("VF POLICY migration run on host 2: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(0, m.exitCode(), m.stdout() + m.stderr());
        org.libvirt.Domain moved = Lab.host(2).domain(NAME);
        PciAddress dstVf = vfOf(moved);
        int dstIndex = indexOf(2, dstVf);
        String dst = vfIndexLine(2, dstIndex);
        System.out.println("VF POLICY host 2 vf " + dstIndex + " after the migration: " + dst);
        assertTrue(dst.contains(MAC) && dst.contains(POLICY), dst);
        // host 1's VF was released by a passthru on another machine: it says what to run there
        assertTrue(m.stderr().contains("VF policy not cleared: the host is not this machine; on the host run: ip "
                + "link set dev ") && m.stderr().contains("vf " + srcIndex + " spoofchk on"), m.stderr());
        String cmds = m.stderr().replaceAll("(?s).*VF policy not cleared: the host is not this machine; on the host "
                + "run: (.*?) \\(the released VF.*", "$1");
        Lab.onHostOk(1, "/bin/sh", "-c", cmds); // what the operator of host 1 is told to run
        String srcAfter = vfIndexLine(1, srcIndex);
        System.out.println("VF POLICY host 1 vf " + srcIndex + " after its commands ran: " + srcAfter);
        assertTrue(srcAfter.contains("spoof checking on") && !srcAfter.contains("max_tx_rate"), srcAfter);

        GuestExecStatus d = onHost(2, "detach", NAME, "--connect", "qemu:///system", "--vf", dstVf.toString());
        assertEquals(0, d.exitCode(), d.stdout() + d.stderr());
        assertTrue(d.stdout().contains("VF policy cleared on "), d.stdout());
        String released = vfIndexLine(2, dstIndex);
        System.out.println("VF POLICY host 2 vf " + dstIndex + " after detach: " + released);
        assertTrue(released.contains("spoof checking on") && !released.contains("max_tx_rate")
                && !released.contains("vlan 42"), released);
        assertTrue(!Host.xml(moved, false).contains(VfPolicies.NAMESPACE), "the record is forgotten");
    }

    /**
     * {@code define} checks and records a VF's policy and {@code start} sets it: libvirt sets a VF's MAC and VLAN id
     * when it starts a domain (the VLAN without its QoS) and nothing else. The policy here comes from the pool's
     * device_spec tags of an alias; a {@code --link-state}, which igb lacks, is refused before anything is defined.
     * Each CLI run on the host costs a JVM start on a TCG machine (about 10 s), so what needs no host is left to the
     * unit tests.
     */
    @Test
    void defineRecordsThePolicyStartSetsItAfterLibvirtAndDetachClearsIt() throws Exception {
        Lab.removeGuest(1, DEFINED);
        List<PciAddress> free = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree)
                .map(Inventory.Vf::address).toList();
        // the driver check needs no local host: the CLI here, over host 1's remote URI, refuses as well
        Lab.CliResult refused = Lab.cli("define", DEFINED, "--connect", Lab.uri(1), "--memory", "128",
                "--no-guest-agent", "--vf", free.get(0).toString(), "--link-state", "enable");
        assertNotEquals(0, refused.exit());
        assertTrue(refused.err().contains("driver igb cannot set link state (ndo_set_vf_link_state) "
                + "[--link-state]"), refused.err());
        assertFalse(Lab.host(1).hasDomainNamed(DEFINED), "nothing defined");

        Lab.onHostOk(1, "/bin/sh", "-c", "mkdir -p /tmp/passthru-it && cat > /tmp/passthru-it/pool.json <<'EOF'\n"
                + POOL + "EOF");
        GuestExecStatus def = onHost(1, "define", DEFINED, "--connect", "qemu:///system", "--memory", "128",
                "--no-guest-agent", "--pcihole64", "0", "--alias", "tagged:1", "--pool",
                "/tmp/passthru-it/pool.json");
        assertEquals(0, def.exitCode(), def.stdout() + def.stderr());
        assertTrue(def.stdout().contains("VF policy recorded for MAC 52:54:00:"), def.stdout());
        org.libvirt.Domain dom = Lab.host(1).domain(DEFINED);
        Domain d = XmlCodec.unmarshal(Host.xml(dom, true), Domain.class);
        DomainInterface iface = d.devices().interfaces().stream().filter(DomainInterface::isHostdev).findFirst()
                .orElseThrow();
        String mac = iface.macAddress().orElseThrow().toString();
        PciAddress vf = iface.sourcePciAddress().orElseThrow();
        int index = indexOf(1, vf);
        assertTrue(Host.xml(dom, true).contains(VfPolicies.NAMESPACE), "recorded with the definition");
        String before = vfIndexLine(1, index);
        System.out.println("VF POLICY host 1 vf " + index + " after define: " + before);
        assertFalse(before.contains("max_tx_rate"), "define sets nothing on the host: " + before);

        long t0 = System.nanoTime();
        GuestExecStatus st = onHost(1, "start", DEFINED, "--connect", "qemu:///system");
        System.out.printf("VF POLICY passthru start on host 1: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(0, st.exitCode(), st.stdout() + st.stderr());
        assertTrue(st.stdout().contains("VF policy set on "), st.stdout());
        String started = vfIndexLine(1, index);
        System.out.println("VF POLICY host 1 vf " + index + " after start: " + started);
        assertTrue(started.contains(mac) && started.contains(POLICY), started);

        // a second start is refused ("already running"): DomainStarterTestDriverTest

        dom.destroy();
        GuestExecStatus det = onHost(1, "detach", DEFINED, "--connect", "qemu:///system", "--vf", vf.toString());
        assertEquals(0, det.exitCode(), det.stdout() + det.stderr());
        String released = vfIndexLine(1, index);
        System.out.println("VF POLICY host 1 vf " + index + " after destroy and detach: " + released);
        assertTrue(released.contains("spoof checking on") && !released.contains("max_tx_rate")
                && !released.contains("vlan 42"), released);
        assertFalse(Host.xml(dom, true).contains(VfPolicies.NAMESPACE), "the record is forgotten");
    }
}
