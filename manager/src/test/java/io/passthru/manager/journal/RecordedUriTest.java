package io.passthru.manager.journal;

import io.passthru.manager.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedUriTest {
    @Test
    void plainRemoteAndLocalUrisPass() {
        for (String u : new String[] {"qemu:///system", "qemu+tcp://127.0.0.1:16501/system",
                "qemu+ssh://root@h2/system?keyfile=/root/.ssh/id_ed25519", "qemu+tls://h2.example.com/system"}) {
            assertEquals(u, RecordedUri.check(u, "source"));
        }
    }

    @Test
    void extTransportAndProgramParametersAreRefusedNamingThem() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RecordedUri.check("qemu+ext:///system?command=/tmp/x", "source"));
        assertTrue(e.getMessage().contains("ext transport"), e.getMessage());
        for (String p : new String[] {"command", "socket", "netcat", "proxy"}) {
            InvalidRequestException x = assertThrows(InvalidRequestException.class,
                    () -> RecordedUri.check("qemu+ssh://h2/system?" + p + "=/tmp/evil", "destination"));
            assertTrue(x.getMessage().contains("'" + p + "='") && x.getMessage().contains("nothing was changed"),
                    x.getMessage());
        }
    }

    @Test
    void refusalSaysWhatIsRefusedAndNothingForAPlainUri() {
        assertEquals(null, RecordedUri.refusal("qemu+tcp://198.51.100.2/system"));
        assertTrue(RecordedUri.refusal("qemu+ext:///system").contains("ext transport"));
        assertTrue(RecordedUri.refusal("qemu+ssh://h2/system?socket=/x").contains("'socket='"));
        assertTrue(RecordedUri.refusal("qemu+tcp://h 2/system").startsWith("is not a URI"));
    }
}
