package io.passthru.manager.libvirt;

import io.passthru.manager.HostNotReadyException;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The libvirt connections of one passthru process, one per URI, and the libvirt event loop they share, run on its own
 * daemon thread (libvirt's keepalive and domain events need it: without it long-lived remote connections drop).
 */
public final class Hosts implements AutoCloseable {
    static final Object EVENT_LOCK = new Object();
    private static Thread eventLoop;
    /**
     * Keeps libvirt from printing every error to stderr (passthru reports them itself) and remembers the raw
     * {@code virErrorNumber} of the calling thread's last error, which libvirt-java's enum cannot hold for codes past
     * its end (strong reference for JNA).
     */
    private static final org.libvirt.jna.Libvirt.VirErrorCallback QUIET = (userData, error) -> LibvirtErrors.remember(error);

    private final Map<String, Host> hosts = new LinkedHashMap<>();

    public Hosts() {
        startEventLoop();
    }

    private static synchronized void startEventLoop() {
        if (eventLoop != null) {
            return;
        }
        try {
            Connect.setErrorCallback(QUIET);
            Library.initEventLoop();
        } catch (LibvirtException e) {
            throw new HostNotReadyException("cannot start libvirt's event loop: " + LibvirtErrors.message(e)
                    + " (is libvirt0 installed?)");
        }
        eventLoop = new Thread(() -> {
            try {
                Library.runEventLoop();
            } catch (LibvirtException | InterruptedException e) {
                // the loop ends with the process
            }
        }, "libvirt-event-loop");
        eventLoop.setDaemon(true);
        eventLoop.start();
    }

    /**
     * The connection to {@code uri}, opened on first use.
     *
     * @throws HostNotReadyException when libvirt cannot be reached, naming the URI and libvirt's reason
     */
    public synchronized Host open(String uri) {
        Host h = hosts.get(uri);
        if (h != null && !alive(h)) {
            // the daemon restarted or the link dropped (keepalive closed it): open a new connection
            h.close();
            hosts.remove(uri);
            h = null;
        }
        if (h == null) {
            try {
                Connect conn = new Connect(uri, false);
                if (!isTestDriver(uri)) {
                    // the test driver runs in this process and has no connection to keep alive: libvirt refuses
                    // virConnectSetKeepAlive on it ("this function is not supported by the connection driver")
                    conn.setKeepAlive(5, 6);
                }
                h = new Host(uri, conn);
            } catch (LibvirtException e) {
                throw new HostNotReadyException("cannot connect to libvirt at " + uri + ": " + LibvirtErrors.message(e)
                        + " (is libvirtd running there and the URI right?)");
            }
            hosts.put(uri, h);
        }
        return h;
    }

    /**
     * True for URIs of libvirt's test driver ({@code test:///default}, {@code test:///ABSOLUTE/PATH.xml}): a mock
     * hypervisor that libvirt runs inside this process from a node file (libvirt docs/drvtest.rst), with the host's
     * node devices, domains and networks of that file and its state per connection. It has no device assignment
     * backend and is not this machine.
     */
    public static boolean isTestDriver(String uri) {
        return uri != null && (uri.startsWith("test:") || uri.startsWith("test+"));
    }

    private static boolean alive(Host h) {
        try {
            return h.connect().isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        hosts.values().forEach(Host::close);
        hosts.clear();
    }
}
