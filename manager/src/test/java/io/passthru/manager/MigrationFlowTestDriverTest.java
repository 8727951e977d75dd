package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.libvirt.Hosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migration's pre-checks against libvirt's test driver (in-process: both URIs reach this machine). */
class MigrationFlowTestDriverTest {
    /**
     * Two URIs that reach one machine (libvirt's test driver reports this machine's host name for each) are refused
     * before anything changes, even though the identities are read beside the other pre-checks and joined last.
     */
    @Test
    void twoUrisOfOneMachineAreRefusedAndNothingChanges(@TempDir Path mirror) {
        try (Hosts hosts = new Hosts()) {
            OperationJournal journal = new OperationJournal(mirror);
            MigrationFlow flow = new MigrationFlow(hosts, new Hotplug(), journal);
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> flow.migrate(
                    new MigrationFlow.Request("test:///default", "test", TestDriver.sriovHost(), null, null)));
            assertTrue(e.getMessage().contains("reach the same machine"), e.getMessage());
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
            org.libvirt.Domain dom = hosts.open("test:///default").domain("test");
            assertTrue(Host.isActive(dom), "the guest still runs");
            assertTrue(journal.read(dom).isEmpty(), "no record written");
        }
    }
}
