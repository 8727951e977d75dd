package io.passthru.manager.libvirt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostIdentityTest {
    @Test
    void theHostUuidIsReadFromCapabilities() {
        String caps = "<capabilities><host><uuid>5a5a5a5a-0000-4000-8000-000000000002</uuid><cpu><arch>x86_64</arch>"
                + "</cpu></host><guest><os_type>hvm</os_type></guest></capabilities>";
        assertEquals("5a5a5a5a-0000-4000-8000-000000000002", Host.hostUuid(caps));
        assertNull(Host.hostUuid("<capabilities><host><cpu/></host></capabilities>"));
    }

    @Test
    void theUuidDecidesWhenBothHaveOneElseTheName() {
        HostIdentity h2 = new HostIdentity("5a5a5a5a-0000-4000-8000-000000000002", "lab");
        assertTrue(h2.sameMachine(new HostIdentity("5A5A5A5A-0000-4000-8000-000000000002", "renamed")));
        assertFalse(h2.sameMachine(new HostIdentity("5a5a5a5a-0000-4000-8000-000000000001", "lab")),
                "same host name, another machine");
        assertTrue(h2.sameMachine(new HostIdentity(null, "lab")));
        assertFalse(h2.sameMachine(null));
    }
}
