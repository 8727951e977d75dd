package io.passthru.manager.libvirt;

import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.error.HostUnreachableException;
import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * How long opening a connection may take: 15 s. {@code virConnectOpen} has no bound of its own: a daemon that
     * accepts the TCP connection and answers nothing (stopped with SIGSTOP, or stuck) would hold it for ever, and
     * keepalive only starts once the connection is open. Once open, keepalive (5 s interval, 6 missed answers)
     * closes a connection to a daemon that stopped answering, which fails the call in progress after about 30 s.
     */
    public static final Duration OPEN_TIMEOUT = Duration.ofSeconds(15);

    /** Threads that open connections; one whose open never returns is left behind (daemon). */
    private static final ExecutorService OPENERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "passthru-libvirt-open");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Duration openTimeout;

    public Hosts() {
        this(OPEN_TIMEOUT);
    }

    /** Connections opened within {@code openTimeout} (positive). */
    public Hosts(Duration openTimeout) {
        if (openTimeout == null || openTimeout.isNegative() || openTimeout.isZero()) {
            throw new IllegalArgumentException("the connection timeout must be positive: " + openTimeout);
        }
        this.openTimeout = openTimeout;
        startEventLoop();
    }

    /**
     * Opens a connection to {@code uri} on a thread of its own, waiting at most {@code timeout}; a connection that
     * opens after the wait was given up is closed.
     *
     * @throws HostUnreachableException when libvirt did not answer in time
     * @throws HostNotReadyException    when libvirt refused the connection
     */
    private static Connect openBounded(String uri, Duration timeout) {
        java.util.concurrent.CompletableFuture<Connect> opened = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        OPENERS.execute(() -> {
            try {
                Connect conn = new Connect(uri, false);
                if (!isTestDriver(uri)) {
                    // the test driver runs in this process and has no connection to keep alive: libvirt refuses
                    // virConnectSetKeepAlive on it ("this function is not supported by the connection driver")
                    conn.setKeepAlive(5, 6);
                }
                synchronized (abandoned) {
                    if (abandoned.get()) {
                        conn.close();
                        return;
                    }
                    opened.complete(conn);
                }
            } catch (LibvirtException | RuntimeException e) {
                opened.completeExceptionally(e);
            }
        });
        try {
            return opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            synchronized (abandoned) {
                abandoned.set(true);
                if (opened.isDone() && !opened.isCompletedExceptionally()) {
                    return opened.join();
                }
            }
            throw new HostUnreachableException("libvirt at " + uri + " did not answer within "
                    + timeout.toSeconds() + " s while opening the connection: its daemon is stopped, frozen or "
                    + "restarting, or the link to it is down (virsh -c " + uri + " version tells when it is back)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnreachableException("interrupted while connecting to libvirt at " + uri);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String why = c instanceof LibvirtException le ? LibvirtErrors.message(le) : String.valueOf(c);
            throw new HostNotReadyException("cannot connect to libvirt at " + uri + ": " + why
                    + " (is libvirtd running there and the URI right?)");
        }
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
     * @throws HostUnreachableException when libvirt does not answer within the connection timeout
     * @throws HostNotReadyException     when libvirt refuses the connection, naming the URI and libvirt's reason
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
            h = new Host(uri, openBounded(uri, openTimeout));
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
