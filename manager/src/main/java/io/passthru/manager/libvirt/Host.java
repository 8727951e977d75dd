package io.passthru.manager.libvirt;

import io.passthru.PassthruException;
import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.HostNotReadyException;
import io.passthru.manager.error.HostUnreachableException;
import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domcaps.DomainCapabilities;
import io.passthru.xml.nodedev.NodeDevice;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * One libvirt host: an open connection to one URI (e.g. {@code qemu+tcp://127.0.0.1:16509/system}). Obtain it from
 * {@link Hosts#open(String)}, which runs the event loop these connections need.
 */
public final class Host {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    /** {@code VIR_CONNECT_LIST_DOMAINS_ACTIVE | VIR_CONNECT_LIST_DOMAINS_INACTIVE}. */
    private static final int LIST_ALL = 1 | 2;

    private final String uri;
    private final Connect conn;

    Host(String uri, Connect conn) {
        this.uri = uri;
        this.conn = conn;
    }

    public String uri() {
        return uri;
    }

    /** The libvirt-java connection, for calls passthru does not wrap. */
    public Connect connect() {
        return conn;
    }

    private volatile HostIdentity identity;

    /**
     * Which machine this connection reaches: the host UUID of libvirt's capabilities and the host name, read once per
     * connection.
     *
     * @throws PassthruException when libvirt cannot tell
     */
    public HostIdentity identity() {
        HostIdentity id = identity;
        if (id == null) {
            String caps = call("read the capabilities of " + uri, conn::getCapabilities);
            id = new HostIdentity(hostUuid(caps), call("get hostname of " + uri, conn::getHostName));
            identity = id;
        }
        return id;
    }

    /** {@code <capabilities><host><uuid>} of capabilities XML {@code caps}, or null. */
    static String hostUuid(String caps) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document d = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                    new java.io.StringReader(caps)));
            for (org.w3c.dom.Node n = d.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
                if ("host".equals(n.getNodeName())) {
                    for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if ("uuid".equals(c.getNodeName())) {
                            String u = c.getTextContent().strip();
                            return u.isEmpty() ? null : u;
                        }
                    }
                }
            }
            return null;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException
                 | java.io.IOException e) {
            throw new PassthruException("cannot read the host UUID from libvirt's capabilities: " + e.getMessage(),
                    e);
        }
    }

    /** Threads of {@link #bounded}: a call that never returns is left behind (daemon). */
    private static final ExecutorService BOUNDED = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "passthru-libvirt-bounded");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs {@code call} on a thread of its own and waits at most {@code limit} for it: for the reads whose answer
     * decides what may be changed (where a guest runs), which must not hang on a daemon that stopped answering.
     *
     * @throws HostUnreachableException when the call did not return in time (it is left running)
     * @throws PassthruException        (typed) when libvirt failed it
     */
    public static <T> T bounded(String what, java.time.Duration limit, LibvirtCall<T> call) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> call(what, call), BOUNDED);
        try {
            return f.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new HostUnreachableException(what + ": libvirt did not answer within " + limit.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostUnreachableException(what + ": interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new PassthruException(what + ": " + e.getCause(), e.getCause());
        }
    }

    public String hostname() {
        return call("get hostname of " + uri, conn::getHostName);
    }

    /** libvirt version of the daemon, as major * 1,000,000 + minor * 1,000 + release. */
    public long libvirtVersion() {
        return call("get libvirt version of " + uri, conn::getLibVirVersion);
    }

    /**
     * The domain named {@code nameOrUuid} (name or UUID, as virsh accepts).
     *
     * @throws DomainNotFoundException naming the host when there is none
     */
    public Domain domain(String nameOrUuid) {
        try {
            if (UUID.matcher(nameOrUuid).matches()) {
                try {
                    return conn.domainLookupByUUIDString(nameOrUuid);
                } catch (LibvirtException e) {
                    if (LibvirtErrors.code(e) != LibvirtErrors.VIR_ERR_NO_DOMAIN) {
                        throw e;
                    }
                }
            }
            return conn.domainLookupByName(nameOrUuid);
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) == LibvirtErrors.VIR_ERR_NO_DOMAIN) {
                throw new DomainNotFoundException("no domain '" + nameOrUuid + "' on " + uri
                        + " (virsh -c " + uri + " list --all shows the domains)", e, LibvirtErrors.code(e));
            }
            throw LibvirtErrors.wrap("look up domain '" + nameOrUuid + "' on " + uri, e);
        }
    }

    /**
     * Whether a domain named {@code name} is defined or runs on this host ({@code virDomainLookupByName}).
     *
     * @return false when libvirt answers {@code VIR_ERR_NO_DOMAIN}
     * @throws PassthruException (typed) when the lookup fails otherwise: "look up domain 'NAME' on URI failed: ..."
     */
    public boolean hasDomainNamed(String name) {
        try {
            conn.domainLookupByName(name);
            return true;
        } catch (LibvirtException e) {
            if (LibvirtErrors.code(e) == LibvirtErrors.VIR_ERR_NO_DOMAIN) {
                return false;
            }
            throw LibvirtErrors.wrap("look up domain '" + name + "' on " + uri, e);
        }
    }

    /**
     * Defines (or redefines, when a domain of that name and UUID exists) the persistent domain of {@code xml}
     * ({@code virDomainDefineXML}); a running domain takes the new definition at its next start.
     *
     * @param what what passthru was doing, for the message (e.g. "define domain 'g1' on URI")
     * @return the domain
     * @throws PassthruException (typed, {@link LibvirtErrors#wrap} with {@code what}) when libvirt refuses the XML
     */
    public Domain define(String xml, String what) {
        return call(what, () -> conn.domainDefineXML(xml));
    }

    /**
     * libvirt's capabilities XML of this host ({@code virConnectGetCapabilities}): host CPU, NUMA topology, UUID,
     * guest architectures.
     *
     * @throws PassthruException (typed) when libvirt fails: "read the capabilities of URI failed: ..."
     */
    public String capabilities() {
        return call("read the capabilities of " + uri, conn::getCapabilities);
    }

    /** Every domain, running or only defined. */
    public List<Domain> allDomains() {
        return List.of(call("list domains on " + uri, () -> conn.listAllDomains(LIST_ALL)));
    }

    /**
     * Node devices of capability {@code cap} ({@code "pci"}, {@code "net"}, {@code "mdev_types"}: mdev parents,
     * {@code "mdev"}: mdevs, started or only defined), parsed; one that vanishes while they are read is left out.
     *
     * @throws IllegalArgumentException for another capability
     */
    public List<NodeDevice> nodeDevices(String cap) {
        int flag = switch (cap) {
            case "pci" -> LibvirtNative.LIST_NODE_DEVICES_CAP_PCI_DEV;
            case "net" -> LibvirtNative.LIST_NODE_DEVICES_CAP_NET;
            case "mdev_types" -> LibvirtNative.LIST_NODE_DEVICES_CAP_MDEV_TYPES;
            // started and defined-but-stopped mdevs alike
            case "mdev" -> LibvirtNative.LIST_NODE_DEVICES_CAP_MDEV | LibvirtNative.LIST_NODE_DEVICES_ACTIVE
                    | LibvirtNative.LIST_NODE_DEVICES_INACTIVE;
            default -> throw new IllegalArgumentException("node device capability '" + cap
                    + "': pci, net, mdev_types or mdev");
        };
        // virConnectListAllNodeDevices (through JNA: libvirt-java 0.5.4 lacks it) gives handles in one RPC, so each
        // device costs one more RPC, its XML, where a listing of names costs a lookup and the XML. libvirt's remote
        // protocol takes concurrent calls on one connection (libvirtd answers them with its worker pool), so the XML
        // reads go a few at a time: on the lab's TCG hosts this cut a 40-device scan from ~500 ms to ~150 ms. At most
        // READS_IN_FLIGHT at once: libvirtd stops reading a client that has max_client_requests (libvirtd.conf,
        // default 5) calls in progress, keepalive answers included ("Client hit max requests limit 5. This may
        // result in keep-alive timeouts"), and the connection's other users need their slot too.
        List<LibvirtNative.NodeDeviceHandle> handles = LibvirtNative.listAllNodeDevices(conn, flag);
        if (handles == null) {
            throw LibvirtErrors.lastNativeFailure("list " + cap + " node devices on " + uri);
        }
        try {
            int lanes = Math.min(READS_IN_FLIGHT, handles.size());
            List<CompletableFuture<NodeDevice>> reads = new ArrayList<>(handles.size());
            for (int i = 0; i < handles.size(); i++) {
                reads.add(new CompletableFuture<>());
            }
            for (int lane = 0; lane < lanes; lane++) {
                int first = lane;
                READERS.execute(() -> {
                    for (int i = first; i < handles.size(); i += lanes) {
                        try {
                            reads.get(i).complete(readNodeDevice(handles.get(i)));
                        } catch (Throwable e) { // every read completes, or its caller would wait for ever
                            reads.get(i).completeExceptionally(e);
                        }
                    }
                });
            }
            List<NodeDevice> result = new ArrayList<>(handles.size());
            for (int i = 0; i < handles.size(); i++) {
                try {
                    result.add(reads.get(i).join());
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : e;
                    readAgainOrSkip(cap, handles.get(i).name(), cause).ifPresent(result::add);
                }
            }
            return result;
        } finally {
            handles.forEach(LibvirtNative::free);
        }
    }

    private NodeDevice readNodeDevice(LibvirtNative.NodeDeviceHandle h) {
        String xml = LibvirtNative.nodeDeviceXml(h);
        if (xml == null) {
            throw LibvirtErrors.lastNativeFailure("read node device " + h.name() + " on " + uri);
        }
        return XmlCodec.unmarshal(xml, NodeDevice.class);
    }

    /**
     * A node device that went away between the listing and its read (a PF's or a plain NIC's netdev while the device
     * is handed to vfio-pci) is not an error: it is gone. A {@code net} device libvirt cannot read is such a netdev:
     * libvirt refreshes it from {@code /sys/class/net/IFACE} on every read, and its list keeps it for seconds after
     * the interface went (seen on the lab's hosts: "An error occurred, but the cause is unknown"); it is left out. Any
     * other device is looked up again, up to 5 times 200 ms apart: left out once libvirt no longer lists it, read again
     * while it does, and the first failure is thrown when it never reads.
     */
    private Optional<NodeDevice> readAgainOrSkip(String cap, String name, RuntimeException failure) {
        if ("net".equals(cap)) {
            return Optional.empty();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw failure;
            }
            if (!List.of(call("list node devices on " + uri, () -> conn.listDevices(cap))).contains(name)) {
                return Optional.empty();
            }
            try {
                return Optional.of(readNodeDevice(name));
            } catch (RuntimeException again) {
                // still listed, still unreadable: look again
            }
        }
        throw failure;
    }

    /**
     * The node device of the PCI function at {@code address} ({@code pci_DDDD_BB_SS_F}), read with two RPCs instead of
     * a whole {@link #nodeDevices(String)} listing; empty when the host has no such function.
     *
     * @throws io.passthru.manager.error.LibvirtCallException when libvirt fails otherwise
     */
    public Optional<NodeDevice> pciNodeDevice(PciAddress address) {
        try {
            return Optional.of(readNodeDevice(address.nodeDeviceName()));
        } catch (PassthruException e) {
            if (e.libvirtErrorCode() == LibvirtErrors.VIR_ERR_NO_NODE_DEVICE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private NodeDevice readNodeDevice(String name) {
        return XmlCodec.unmarshal(call("read node device " + name + " on " + uri,
                () -> conn.deviceLookupByName(name).getXMLDescription()), NodeDevice.class);
    }

    /** Whether a node device is started, and whether it is defined (persistent), as libvirt reports them. */
    public record NodeDeviceState(boolean active, boolean persistent) {
    }

    /**
     * The state of node device {@code name} (virNodeDeviceIsActive, virNodeDeviceIsPersistent, libvirt 7.3); empty
     * when libvirt has no such device.
     */
    public Optional<NodeDeviceState> nodeDeviceState(String name) {
        LibvirtNative.NodeDeviceHandle h = LibvirtNative.lookup(conn, name);
        if (h == null) {
            PassthruException e = LibvirtErrors.lastNativeFailure("look up node device " + name + " on " + uri);
            if (e.libvirtErrorCode() == LibvirtErrors.VIR_ERR_NO_NODE_DEVICE) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            int active = LibvirtNative.isActive(h);
            int persistent = LibvirtNative.isPersistent(h);
            if (active < 0 || persistent < 0) {
                PassthruException e = LibvirtErrors.lastNativeFailure("read the state of node device " + name
                        + " on " + uri);
                if (e.libvirtErrorCode() == LibvirtErrors.VIR_ERR_NO_NODE_DEVICE) {
                    return Optional.empty(); // gone between the lookup and the read (an mdev being removed)
                }
                throw e;
            }
            return Optional.of(new NodeDeviceState(active == 1, persistent == 1));
        } finally {
            LibvirtNative.free(h);
        }
    }

    /**
     * Defines a persistent node device from {@code xml} (virNodeDeviceDefineXML, libvirt 7.3: for an mdev, libvirt
     * runs {@code mdevctl define}).
     *
     * @return the device's node device name, e.g. {@code mdev_b1ae8bf6_..._mtty}
     * @throws io.passthru.manager.error.LibvirtCallException with libvirt's error
     */
    public String defineNodeDevice(String xml, String what) {
        LibvirtNative.NodeDeviceHandle h = LibvirtNative.define(conn, xml);
        if (h == null) {
            throw LibvirtErrors.lastNativeFailure(what + " on " + uri);
        }
        try {
            return h.name();
        } finally {
            LibvirtNative.free(h);
        }
    }

    /** Starts a defined node device (virNodeDeviceCreate; an mdev: {@code mdevctl start}). */
    public void startNodeDevice(String name) {
        onNodeDevice(name, "start node device " + name, LibvirtNative::start);
    }

    /** Stops a started node device (virNodeDeviceDestroy; an mdev: {@code mdevctl stop}). */
    public void stopNodeDevice(String name) {
        onNodeDevice(name, "stop node device " + name, LibvirtNative::destroy);
    }

    /** Removes a node device's definition (virNodeDeviceUndefine; an mdev: {@code mdevctl undefine}). */
    public void undefineNodeDevice(String name) {
        onNodeDevice(name, "undefine node device " + name, LibvirtNative::undefine);
    }

    private void onNodeDevice(String name, String what, java.util.function.ToIntFunction<LibvirtNative.NodeDeviceHandle> call) {
        LibvirtNative.NodeDeviceHandle h = LibvirtNative.lookup(conn, name);
        if (h == null) {
            throw LibvirtErrors.lastNativeFailure(what + " on " + uri);
        }
        try {
            if (call.applyAsInt(h) < 0) {
                throw LibvirtErrors.lastNativeFailure(what + " on " + uri);
            }
        } finally {
            LibvirtNative.free(h);
        }
    }

    /** Node device XML reads one {@link #nodeDevices} call has in progress on the connection at most. */
    static final int READS_IN_FLIGHT = 3;

    /** Threads for concurrent read-only libvirt calls (daemon threads: they never keep the JVM alive). */
    private static final ExecutorService READERS = Executors.newFixedThreadPool(6, r -> {
        Thread t = new Thread(r, "passthru-libvirt-reader");
        t.setDaemon(true);
        return t;
    });

    /** Domain capabilities for KVM guests of the host's default emulator and machine. */
    public DomainCapabilities domainCapabilities(String arch, String machine, String virtType) {
        String xml = LibvirtNative.domainCapabilities(conn, null, arch, machine, virtType);
        if (xml == null) {
            throw new HostNotReadyException("libvirt on " + uri + " reports no domain capabilities for arch "
                    + arch + ", machine " + machine + ", virt type " + virtType
                    + ": check that QEMU for that architecture is installed and /dev/kvm exists");
        }
        return XmlCodec.unmarshal(xml, DomainCapabilities.class);
    }

    /** Live (or inactive, when not running) domain XML. */
    public static String xml(Domain dom, boolean inactive) {
        return call("read domain XML", () -> dom.getXMLDesc(inactive ? Domains.XML_INACTIVE : 0));
    }

    public static String name(Domain dom) {
        return call("read domain name", dom::getName);
    }

    /**
     * The domain's UUID in its 36-character form ({@code virDomainGetUUIDString}).
     *
     * @throws PassthruException (typed) when libvirt fails: "read domain UUID failed: ..."
     */
    public static String uuid(Domain dom) {
        return Domains.uuid(dom, "read domain UUID");
    }

    public static boolean isActive(Domain dom) {
        return Domains.isActive(dom, "read domain state");
    }

    public static boolean isPersistent(Domain dom) {
        return Domains.isPersistent(dom, "read domain persistence");
    }

    /** Starts watching {@code dom}'s device removal events. */
    public DeviceEventWatch watchDeviceEvents(Domain dom) {
        synchronized (Hosts.EVENT_LOCK) {
            return new DeviceEventWatch(LibvirtNative.pointer(conn), LibvirtNative.pointer(dom));
        }
    }

    void close() {
        try {
            conn.close();
        } catch (LibvirtException e) {
            // closing: nothing left to do with this connection
        }
    }

    /** A libvirt call that may throw {@link LibvirtException}. */
    @FunctionalInterface
    public interface LibvirtCall<T> {
        T call() throws LibvirtException;
    }

    /** Runs {@code call}, mapping a libvirt failure to a typed {@link PassthruException} that says {@code what}. */
    public static <T> T call(String what, LibvirtCall<T> call) {
        try {
            return call.call();
        } catch (LibvirtException e) {
            throw LibvirtErrors.wrap(what, e);
        }
    }
}
