package io.passthru.lab;

import io.passthru.agent.GuestAgent;
import io.passthru.manager.Inventory;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.LibvirtAgentChannel;
import io.passthru.xml.PciAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guest whose agent answers but refuses {@code guest-exec} (as RHEL's qemu-ga does by default): the bond flow's
 * pre-checks read {@code guest-info} and refuse before anything changes, naming the fix and the failover mode.
 * The lab guest's agent is restarted with {@code -b guest-exec,guest-exec-status} after its VF was bonded.
 */
@ExtendWith(LabHealth.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuestExecLabIT {
    static final int HOST = 1;
    static final String NAME = "it-noexec";
    static final String MAC = "52:54:00:a1:00:30";
    static final String ADDR = "192.0.2.30";

    org.libvirt.Domain dom;
    PciAddress bonded;

    @BeforeAll
    void guestWithBondedVfAndAnAgentThatRefusesExec() throws Exception {
        dom = Lab.startGuest(HOST, NAME, MAC, ADDR + "/24");
        bonded = freeVfs().get(0);
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(HOST), "--vf", bonded.toString(), "--mac", MAC,
                "--bond", "bond0");
        assertEquals(0, a.exit(), a.out() + a.err());
        // the guest init restarts qemu-ga with the options in /run/qga-args once it is killed
        Lab.inGuestNoWait(dom, "echo '-b guest-exec,guest-exec-status' > /run/qga-args; kill $(pidof qemu-ga)");
        Lab.awaitAgentWithoutGuestExec(dom);
    }

    @AfterAll
    void cleanup() {
        Lab.removeGuest(HOST, NAME);
    }

    private static java.util.List<PciAddress> freeVfs() {
        return Inventory.scan(Lab.host(HOST)).vfs().stream().filter(Inventory.Vf::isFree).map(Inventory.Vf::address)
                .toList();
    }

    @Test
    void migrateAndAttachWithBondAreRefusedBeforeAnythingChanges() throws Exception {
        String before = Host.xml(dom, false);
        // the agent still answers guest-ping: only guest-info tells
        new GuestAgent(new LibvirtAgentChannel(dom)).ping();

        Lab.CliResult m = Lab.cli("migrate", NAME, "--connect", Lab.uri(HOST), "--to", Lab.uri(2), "--migrate-uri",
                "tcp://" + Lab.migrationAddress(2), "--output", "json");
        assertEquals(1, m.exit(), m.out() + m.err());
        String err = m.json().get("error").asText();
        assertEquals("pre-checks", m.json().get("step").asText(), m.out());
        for (String part : new String[] {"refuses guest-exec, guest-exec-status", "--block-rpcs", "--allow-rpcs",
                "/etc/sysconfig/qemu-ga", "--mode failover", "nothing was changed"}) {
            assertTrue(err.contains(part), "names '" + part + "': " + err);
        }
        assertFalse(Lab.exists(2, NAME), "nothing on host 2");

        PciAddress another = freeVfs().get(0);
        Lab.CliResult a = Lab.cli("attach", NAME, "--connect", Lab.uri(HOST), "--vf", another.toString(), "--bond",
                "bond0");
        assertEquals(1, a.exit(), a.out() + a.err());
        assertTrue(a.err().contains("refuses guest-exec"), a.err());
        assertEquals(before, Host.xml(dom, false), "the domain is unchanged: the VF is still the one bonded");
        assertEquals(null, Inventory.scan(Lab.host(HOST)).vf(another).orElseThrow().usedBy(), "the other VF is free");
        assertEquals(NAME, Inventory.scan(Lab.host(HOST)).vf(bonded).orElseThrow().usedBy());
        // the guest kept its network through the VF the whole time
        assertEquals(0, Lab.onHost(2, Duration.ofSeconds(20), "/bin/ping", "-c", "3", "-W", "2", ADDR).exitCode());
    }
}
