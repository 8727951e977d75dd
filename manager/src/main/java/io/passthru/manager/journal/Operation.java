package io.passthru.manager.journal;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * One multi-step passthru operation as kept in the domain's own {@code <metadata>} (libvirt formatdomain
 * "General metadata": one element per namespace, set with {@code virDomainSetMetadata}), so it travels with the
 * guest when it migrates and a new passthru process can finish or undo it:
 *
 * <pre>{@code
 * <passthru:operation xmlns:passthru="https://passthru.io/xmlns/operation/1" id="UUID" kind="migrate" mode="bond"
 *                     state="running" step="unplug-vf" stepStatus="started"
 *                     generation="7">
 *   <source uri="qemu+tcp://h1/system" vf="0000:01:10.0" hostUuid="5a5a..." hostname="h1"/>
 *   <destination uri="qemu+tcp://h2/system" migrateUri="tcp://198.51.100.2" vf="0000:01:10.2" hostUuid="..."
 *                hostname="h2" p2pUri="qemu+tcp://198.51.100.2/system"/>
 *   <guest mac="52:54:00:a1:00:20" bond="bond0" backupSlave="eth0" vfLink="eth1"/>
 *   <lease pid="4242" host="ops1" processStart="2026-12-01T20:00:00Z" heartbeat="2026-12-01T20:00:05Z"/>
 *   <done>switch-bond</done><done>unenslave-vf</done>
 *   <pending>hot-plug a VF on the destination</pending>
 * </passthru:operation>
 * }</pre>
 * Times are ISO-8601 instants (UTC).
 */
@XmlRootElement(name = "operation", namespace = Operation.NAMESPACE)
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"source", "destination", "guest", "lease", "devices", "done", "pending"})
public final class Operation {
    /** XML namespace of passthru's domain metadata. */
    public static final String NAMESPACE = "https://passthru.io/xmlns/operation/1";
    /** Prefix (libvirt's metadata "key") passthru's element is written with. */
    public static final String PREFIX = "passthru";

    /** Operation states ({@link OperationState}). */
    public static final OperationState RUNNING = OperationState.RUNNING;
    /** Compensating after a failure (rolling back to the source). */
    public static final OperationState ROLLING_BACK = OperationState.ROLLING_BACK;
    /** The guest runs on the destination but something is left to do ({@link #pending}). */
    public static final OperationState INCOMPLETE = OperationState.INCOMPLETE;

    /** Step statuses ({@link StepStatus}). */
    public static final StepStatus STARTED = StepStatus.STARTED;
    public static final StepStatus DONE = StepStatus.DONE;
    public static final StepStatus FAILED = StepStatus.FAILED;

    @XmlAttribute public String id;
    @XmlAttribute public OperationKind kind;
    @XmlAttribute public String domain;
    @XmlAttribute public String domainUuid;
    @XmlAttribute public String mode;
    @XmlAttribute public OperationState state;
    @XmlAttribute public String step;
    @XmlAttribute public StepStatus stepStatus;
    @XmlAttribute public String started;
    /**
     * Incremented by every write: a write first reads the record again and refuses when its operation id or
     * generation moved (another process wrote it meanwhile), so no write is made blind.
     */
    @XmlAttribute public long generation;
    /** vendor and product id of the source VF's PF: a replacement VF must match them. */
    @XmlAttribute public String vendorId;
    @XmlAttribute public String productId;

    @XmlElement(namespace = NAMESPACE) public Endpoint source;
    @XmlElement(namespace = NAMESPACE) public Endpoint destination;
    @XmlElement(namespace = NAMESPACE) public Guest guest;
    @XmlElement(namespace = NAMESPACE) public Lease lease;
    /** attach and detach: the devices of the operation, each recorded before libvirt is asked to change it. */
    @XmlElement(name = "device", namespace = NAMESPACE) public List<Device> devices = new ArrayList<>();
    @XmlElement(namespace = NAMESPACE) public List<String> done = new ArrayList<>();
    @XmlElement(namespace = NAMESPACE) public String pending;

    /**
     * A host of the operation: libvirt URI as given, migration URI and peer-to-peer URI (destination only; the
     * latter only in a peer-to-peer migration), the VF used there, and the
     * machine the URI reached when the operation started (libvirt host UUID and host name: a URI such as
     * {@code qemu:///system} reaches another machine from elsewhere, so recovery checks it reaches this one).
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Endpoint {
        @XmlAttribute public String uri;
        @XmlAttribute public String migrateUri;
        /** The destination as the source's libvirtd reached it in a peer-to-peer migration (else absent). */
        @XmlAttribute(name = "p2pUri") public String p2pUri; // named: JAXB would derive "p2PUri"
        @XmlAttribute public String vf;
        @XmlAttribute public String hostUuid;
        @XmlAttribute public String hostname;

        public Endpoint() {
        }

        public Endpoint(String uri, String migrateUri, String vf) {
            this.uri = uri;
            this.migrateUri = migrateUri;
            this.vf = vf;
        }
    }

    /**
     * The guest side: the VF's MAC, the bond, its virtual NIC slave, the VF's netdev name on the source (bond mode;
     * null in the others), the VF's VLAN and trust, and its failover teaming.
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Guest {
        @XmlAttribute public String mac;
        @XmlAttribute public String bond;
        @XmlAttribute public String backupSlave;
        @XmlAttribute public String vfLink;
        /** VLAN id and trust of the VF interface, carried to the destination VF (may be null). */
        @XmlAttribute public Integer vlan;
        @XmlAttribute public Boolean trusted;
        /** Failover mode: alias of the virtio NIC the VF is teamed with ({@code <teaming persistent='ALIAS'>}). */
        @XmlAttribute public String teaming;
        /**
         * Bond mode: NetworkManager runs in the guest and manages the VF; passthru takes the VF out of its hands
         * ({@code nmcli device set IFACE managed no}) before unenslaving it, and gives it back on rollback.
         */
        @XmlAttribute public Boolean networkManager;

        public Guest() {
        }

        public Guest(String mac, String bond, String backupSlave, String vfLink) {
            this.mac = mac;
            this.bond = bond;
            this.backupSlave = backupSlave;
            this.vfLink = vfLink;
        }
    }

    /**
     * A device of an attach or detach operation: its host PCI address, whether it is a VF ({@code <interface
     * type='hostdev'>}) or a PF or plain PCI device ({@code <hostdev>}), its trust (a VF whose trust flag passthru
     * set, and must clear once it is detached), and {@link #STARTED} or {@link #DONE}.
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Device {
        @XmlAttribute public String address;
        @XmlAttribute public boolean vf;
        @XmlAttribute public Boolean trusted;
        @XmlAttribute public StepStatus status;
        /**
         * A migration's device that moves by a strategy of its own ({@code hotplug}, {@code state}): null in attach,
         * detach and define records, and for the VF the guest's network strategy ({@link Operation#mode}) moves.
         */
        @XmlAttribute public String strategy;
        /**
         * Migration: {@code vf} ({@code <interface type='hostdev'>}), {@code pf} or {@code pci} ({@code <hostdev>}), or
         * {@code mdev} ({@code <hostdev type='mdev'>}).
         */
        @XmlAttribute public String kind;
        /** Migration: the device's vendor and product ids (a VF's: its PF's, as the destination's VFs are chosen). */
        @XmlAttribute public String vendorId;
        @XmlAttribute public String productId;
        /** Migration: the device's PCI address in the guest (the domain XML's {@code <address>}), kept on the plug. */
        @XmlAttribute public String guestAddress;
        /** Migration: libvirt's alias of the device on the source. */
        @XmlAttribute public String alias;
        /** Migration: a VF's MAC (libvirt sets it), or the MAC a passed-through NIC had in the guest (given back). */
        @XmlAttribute public String mac;
        /** Migration: a VF's VLAN. */
        @XmlAttribute public Integer vlan;
        /** Migration: the guest's netdev of a passed-through NIC on the source. */
        @XmlAttribute public String link;
        /** Migration: the destination's device chosen by the plan, then the one plugged. */
        @XmlAttribute public String destAddress;
        /** Migration: the guest's hooks are told before the unplug and after the plug ({@code --no-guest-notify}: no). */
        @XmlAttribute public Boolean notify;
        /** Migration, {@code state} strategy: the mdev's type (e.g. {@code mtty-2}); {@link #address} is its UUID. */
        @XmlAttribute public String mdevType;
        /**
         * Migration, {@code state} strategy: the destination's mdev parent (libvirt node device name) the plan chose
         * to create the mdev on; null when the destination had the mdev already (it is restarted, not created).
         */
        @XmlAttribute public String mdevParent;
        /** A PCI device moving by {@code state}: its VFIO variant driver (e.g. {@code mlx5_vfio_pci}), or null. */
        @XmlAttribute public String driver;

        public Device() {
        }

        public Device(String address, boolean vf, Boolean trusted, StepStatus status) {
            this.address = address;
            this.vf = vf;
            this.trusted = trusted;
            this.status = status;
        }
    }

    /**
     * Who runs the operation: process id, host name, the process's start time (so a reused pid is not taken for
     * the owner) and the time of the owner's last journal write.
     */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Lease {
        @XmlAttribute public long pid;
        @XmlAttribute public String host;
        @XmlAttribute public String processStart;
        @XmlAttribute public String heartbeat;
    }

    /** Whether step {@code stepId} completed. */
    public boolean isDone(String stepId) {
        return done.contains(stepId);
    }
}
