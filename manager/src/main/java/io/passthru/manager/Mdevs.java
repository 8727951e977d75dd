package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.LibvirtCallException;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.nodedev.NodeDevice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Mediated devices (mdevs) of a host through libvirt's node device API (formatnode.html "mdev", "mdev_types"; libvirt
 * runs mdevctl to define, start, stop and undefine them, as {@code virsh nodedev-define}, {@code nodedev-start},
 * {@code nodedev-destroy} and {@code nodedev-undefine} do). An mdev is a slice of a parent device (a vGPU, an
 * accelerator queue, Linux's mtty sample serial card) that VFIO gives a guest as a PCI device
 * ({@code <hostdev mode='subsystem' type='mdev' model='vfio-pci'>}, kernel Documentation/driver-api/
 * vfio-mediated-device.rst).
 *
 * <p>libvirt learns that an mdev started or stopped from udev's events, a moment after mdevctl returns: right after a
 * stop, a start of the same device was refused ("Device is already active") on the lab. Every change here therefore
 * waits (up to {@link #STATE_WAIT}, polling every 100 ms) until libvirt reports the new state.
 */
public final class Mdevs {
    /** How long a change waits for libvirt to report the mdev's new state: 10 s. */
    static final Duration STATE_WAIT = Duration.ofSeconds(10);
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Mdevs() {
    }

    /**
     * One type an mdev parent offers.
     *
     * @param parent        the parent's libvirt node device name, e.g. {@code mtty_mtty} or {@code pci_0000_06_00_0}
     * @param parentAddress the parent as mdevctl names it, e.g. {@code mtty} or {@code 0000:06:00.0}
     * @param id            the type's id, e.g. {@code mtty-2} or {@code nvidia-63}
     * @param name          its human name, or null
     * @param deviceApi     the API its mdevs present, e.g. {@code vfio-pci}
     * @param available     how many more mdevs of it the parent can make now
     */
    public record MdevType(String parent, String parentAddress, String id, String name, String deviceApi,
                           int available) {
    }

    /**
     * One mdev libvirt knows.
     *
     * @param uuid       its UUID
     * @param type       its type id
     * @param parent     its parent's node device name
     * @param nodeDevice its own node device name, e.g. {@code mdev_b1ae8bf6_38b0_4c81_9d44_78ce3f520496_mtty}
     * @param active     started (present in sysfs)
     * @param persistent defined (mdevctl keeps its definition)
     * @param usedBy     the domain whose XML (live or persistent) holds it, or null
     */
    public record Mdev(String uuid, String type, String parent, String nodeDevice, boolean active, boolean persistent,
                       String usedBy) {
    }

    /**
     * The mdev types the host's parents offer: parent by parent (by node device name), each parent's in the order
     * libvirt gives them.
     */
    public static List<MdevType> types(Host host) {
        List<MdevType> out = new ArrayList<>();
        List<NodeDevice> parents = new ArrayList<>(host.nodeDevices("mdev_types"));
        parents.sort(java.util.Comparator.comparing(NodeDevice::getName));
        for (NodeDevice d : parents) {
            for (NodeDevice.MdevType t : d.mdevTypes()) {
                out.add(new MdevType(d.getName(), parentAddress(d), t.id(), t.name(), t.deviceApi(),
                        t.availableInstances()));
            }
        }
        return out;
    }

    /** The parent as mdevctl names it: a PCI parent's address, else its sysfs name ({@code mtty}). */
    static String parentAddress(NodeDevice d) {
        if (d.pciCapability().isPresent()) {
            return d.pciAddress().map(Object::toString).orElse(d.getName());
        }
        String path = d.getPath();
        return path == null || path.isBlank() ? d.getName() : path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Every mdev libvirt knows on the host (started, or defined and stopped), with the domain holding each; by parent,
     * then UUID.
     */
    public static List<Mdev> list(Host host) {
        Map<String, String> holders = holders(host);
        List<Mdev> out = new ArrayList<>();
        for (NodeDevice d : host.nodeDevices("mdev")) {
            String uuid = d.mdevUuid().orElse(null);
            if (uuid == null) {
                continue;
            }
            Host.NodeDeviceState st = host.nodeDeviceState(d.getName()).orElse(null);
            if (st == null) {
                continue; // gone while listed
            }
            out.add(new Mdev(uuid, d.mdevTypeId().orElse(null), d.getParent(), d.getName(), st.active(),
                    st.persistent(), holders.get(uuid.toLowerCase(Locale.ROOT))));
        }
        out.sort(java.util.Comparator.comparing((Mdev m) -> String.valueOf(m.parent())).thenComparing(Mdev::uuid));
        return out;
    }

    /** The mdev with {@code uuid} on the host, if libvirt knows one. */
    public static Optional<Mdev> find(Host host, String uuid) {
        return list(host).stream().filter(m -> m.uuid().equalsIgnoreCase(uuid)).findFirst();
    }

    /** The mdev UUIDs the host's domains hold (live XML of running ones, persistent XML of every defined one). */
    static Map<String, String> holders(Host host) {
        Map<String, String> out = new HashMap<>();
        for (org.libvirt.Domain dom : host.allDomains()) {
            String name = Host.name(dom);
            List<String> xmls = new ArrayList<>();
            try {
                if (Host.isActive(dom)) {
                    xmls.add(Host.xml(dom, false));
                }
                if (Host.isPersistent(dom)) {
                    xmls.add(Host.xml(dom, true));
                }
            } catch (PassthruException gone) {
                continue; // undefined while listed
            }
            for (String xml : xmls) {
                Domain d = XmlCodec.unmarshal(xml, Domain.class);
                if (d.getDevices() == null) {
                    continue;
                }
                for (DomainHostdev h : d.devices().hostdevs()) {
                    h.mdevUuid().ifPresent(u -> out.putIfAbsent(u.toLowerCase(Locale.ROOT), name));
                }
            }
        }
        return out;
    }

    /**
     * Defines and starts an mdev of {@code type} (persistent: mdevctl keeps it) and waits until libvirt reports it
     * started. The definition is {@code <device><parent>P</parent><capability type='mdev'><type id='T'/><uuid>U</uuid>
     * </capability></device>} (formatnode.html "mdev"; virNodeDeviceDefineXML, then virNodeDeviceCreate). When the
     * start fails, or libvirt does not report it started within {@link #STATE_WAIT}, the mdev is stopped and undefined
     * again.
     *
     * @param type   the type id, e.g. {@code mtty-2} or {@code nvidia-63}
     * @param parent the parent's node device name or mdevctl address; null: the first parent offering the type with
     *               an instance free
     * @param uuid   its UUID (8-4-4-4-12 hexadecimal digits); null: a random one
     * @return the mdev, started and persistent
     * @throws InvalidRequestException a malformed UUID, a UUID the host has already, a type no parent (or not the named
     *                                 one) offers, no instance of the type free; nothing was changed
     * @throws LibvirtCallException    when libvirt (mdevctl) fails to define or start it, or does not report it started
     */
    public static Mdev create(Host host, String type, String parent, String uuid) {
        if (type == null || type.isBlank()) {
            throw new InvalidRequestException("an mdev needs a type (--type, e.g. mtty-2 or nvidia-63): see the types "
                    + "with passthru list-devices -c " + host.uri());
        }
        String id = uuid == null ? UUID.randomUUID().toString() : checkUuid(uuid);
        find(host, id).ifPresent(m -> {
            throw new InvalidRequestException("mdev " + id + " exists on " + host.uri() + " already (type " + m.type()
                    + ", parent " + m.parent() + (m.usedBy() == null ? "" : ", held by domain '" + m.usedBy() + "'")
                    + "): give another UUID, or use it; nothing was changed");
        });
        MdevType on = choose(types(host), type, parent, host.uri());
        String xml = definitionXml(on.parent(), type, id);
        String name = host.defineNodeDevice(xml, "define mdev " + id + " of type " + type + " on " + on.parent());
        try {
            host.startNodeDevice(name);
            awaitState(host, name, s -> s.isPresent() && s.get().active(), "started");
        } catch (RuntimeException e) {
            try {
                stopAndUndefine(host, name);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
        return new Mdev(id, type, on.parent(), name, true, true, null);
    }

    /**
     * The type a new mdev of {@code type} is made of: the first of {@code all} with that id, on {@code parent} when one
     * is named (its node device name or its mdevctl address), with an instance free.
     *
     * @throws InvalidRequestException when no parent (or not the named one) offers the type, naming the types offered,
     *                                 or when none of them has an instance free; {@code uri} names the host
     */
    static MdevType choose(List<MdevType> all, String type, String parent, String uri) {
        List<MdevType> offering = all.stream().filter(t -> t.id().equals(type))
                .filter(t -> parent == null || parent.equals(t.parent()) || parent.equals(t.parentAddress()))
                .toList();
        if (offering.isEmpty()) {
            List<String> offered = all.stream().map(t -> t.id() + " (" + t.parent() + ")").distinct().toList();
            throw new InvalidRequestException((parent == null ? "no mdev parent on " + uri + " offers type "
                    : "mdev parent " + parent + " on " + uri + " does not offer type ") + type + " (offered: "
                    + (offered.isEmpty() ? "no mdev types: no driver offering mediated devices is loaded"
                    : String.join(", ", offered)) + "): give one of those (passthru list-devices -c " + uri
                    + " shows them); nothing was changed");
        }
        return offering.stream().filter(t -> t.available() > 0).findFirst().orElseThrow(() ->
                new InvalidRequestException("no instance of mdev type " + type + " is free on " + uri + " ("
                        + offering.stream().map(MdevType::parent).distinct().toList() + " have none left): remove an "
                        + "mdev (passthru mdev remove UUID), give another type or use another host; nothing was "
                        + "changed"));
    }

    /**
     * The node device XML that defines an mdev (formatnode.html "mdev": its parent, type id and UUID; libvirt gives
     * it the node device name {@code mdev_UUID_PARENTADDRESS}, with {@code _} for {@code -}, {@code :} and {@code .}).
     */
    static String definitionXml(String parent, String type, String uuid) {
        return "<device><parent>" + escape(parent) + "</parent><capability type='mdev'><type id='" + escape(type)
                + "'/><uuid>" + escape(uuid) + "</uuid></capability></device>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }

    /**
     * The model passthru gives an mdev hostdev, {@code vfio-pci} (formatdomain.html "Host device assignment": model
     * {@code vfio-pci}, {@code vfio-ccw} or {@code vfio-ap}, after the type's device API).
     */
    public static final String HOSTDEV_MODEL = "vfio-pci";

    /**
     * Refuses a type whose mdevs present another device API than {@link #HOSTDEV_MODEL} (an s390 {@code vfio-ccw} or
     * {@code vfio-ap} mdev: passthru does not give those to a guest). A type of unknown API passes.
     *
     * @throws InvalidRequestException naming the type and its API
     */
    static void requireVfioPci(MdevType t, String uri) {
        if (t != null && t.deviceApi() != null && !HOSTDEV_MODEL.equals(t.deviceApi())) {
            throw new InvalidRequestException("mdev type " + t.id() + " of " + t.parent() + " on " + uri + " presents "
                    + "device API " + t.deviceApi() + "; passthru gives a guest vfio-pci mdevs only (<hostdev "
                    + "type='mdev' model='vfio-pci'>): give a vfio-pci type; nothing was changed");
        }
    }

    /**
     * The mdev {@code uuid}, checked for a guest to get it: the host has it, no domain holds it (an mdev serves one
     * guest) and its type presents {@code vfio-pci}.
     *
     * @param option the option that named it, for the messages (e.g. {@code --mdev})
     * @throws InvalidRequestException a malformed UUID, an mdev the host lacks, one a domain holds (naming it), one of
     *                                 another device API; nothing was changed
     */
    public static Mdev forGuest(Host host, String uuid, String option) {
        String id = checkUuid(uuid);
        Mdev m = find(host, id).orElseThrow(() -> new InvalidRequestException(option + " " + uuid + ": no such mdev on "
                + host.uri() + ": create it (passthru mdev create --type TYPE --uuid " + id + " -c " + host.uri()
                + ") or give a type to create one of; nothing was changed"));
        if (m.usedBy() != null) {
            throw new InvalidRequestException(option + " " + m.uuid() + ": domain '" + m.usedBy() + "' on "
                    + host.uri() + " holds it, and an mdev serves one guest: detach it there first (passthru detach "
                    + m.usedBy() + " --mdev " + m.uuid() + ") or give another; nothing was changed");
        }
        requireVfioPci(types(host).stream().filter(t -> t.id().equals(m.type()) && t.parent().equals(m.parent()))
                .findFirst().orElse(null), host.uri());
        return m;
    }

    /**
     * Creates an mdev of {@code type} for a guest ({@code define --mdev TYPE}, {@code attach --mdev TYPE}): as
     * {@link #create} with a random UUID on the first parent with an instance free, after the type's device API is
     * checked ({@link #requireVfioPci}).
     *
     * @throws InvalidRequestException as {@link #create}, and for a type of another device API; nothing was changed
     */
    public static Mdev createForGuest(Host host, String type) {
        return createForGuest(host, type, null);
    }

    /**
     * {@link #createForGuest(Host, String)} under a device pool's rules: {@code typeOrAlias} may be an alias of the
     * pool that names an {@code mdev_type}, and a pool whose {@code device_spec} names mdev types allows only those
     * ({@link #allowedBy}).
     *
     * @param pool the device pool, or null (no rules)
     * @throws InvalidRequestException as {@link #create}, and for a type the pool does not allow; nothing was changed
     */
    public static Mdev createForGuest(Host host, String typeOrAlias, io.passthru.manager.pool.DevicePool pool) {
        String type = typeOf(typeOrAlias, pool);
        MdevType on = choose(allowedFor(pool, types(host), host, type, null), type, null, host.uri());
        requireVfioPci(on, host.uri());
        return create(host, type, on.parent(), null);
    }

    /**
     * The types of {@code all} the pool allows ({@link #allowedBy}), for creating one of {@code type} (on
     * {@code parent}, null: any).
     *
     * @throws InvalidRequestException when the host offers the type but the pool allows it on none of its parents
     *                                 (or not on {@code parent}), naming what it allows and the fix
     */
    public static List<MdevType> allowedFor(io.passthru.manager.pool.DevicePool pool, List<MdevType> all, Host host,
                                            String type, String parent) {
        if (pool == null || !pool.restrictsMdevs()) {
            return all;
        }
        List<MdevType> ok = allowedBy(pool, all, host, null);
        boolean offered = all.stream().anyMatch(t -> t.id().equals(type));
        boolean fits = ok.stream().anyMatch(t -> t.id().equals(type)
                && (parent == null || parent.equals(t.parent()) || parent.equals(t.parentAddress())));
        if (offered && !fits) {
            throw new InvalidRequestException("the device pool allows no mdev of type " + type + (parent == null ? ""
                    : " on " + parent) + " on " + host.uri() + " (it allows: " + (ok.isEmpty() ? "none there"
                    : ok.stream().map(t -> t.id() + " on " + t.parent()).distinct().toList()) + "): add {\"mdev_type\": "
                    + "\"" + type + "\"} to its device_spec, or give a type it allows; nothing was changed");
        }
        return ok;
    }

    /** {@code typeOrAlias} itself, or the {@code mdev_type} of the pool's alias of that name. */
    public static String typeOf(String typeOrAlias, io.passthru.manager.pool.DevicePool pool) {
        return pool == null ? typeOrAlias : pool.aliasMdevType(typeOrAlias).orElse(typeOrAlias);
    }

    /**
     * {@link #create(Host, String, String, String)} under a device pool's rules: when its {@code device_spec} names
     * mdev types, only a type an entry allows on the parent ({@link io.passthru.manager.pool.DeviceSpec#allowsMdev}),
     * and without {@code parent} the first allowed parent with an instance free.
     *
     * @param pool the device pool, or null (every type of every parent)
     * @throws InvalidRequestException as {@link #create}, and for a type (or parent) the pool does not allow, naming
     *                                 what it allows and the fix; nothing was changed
     */
    public static Mdev create(Host host, String type, String parent, String uuid,
                              io.passthru.manager.pool.DevicePool pool) {
        if (pool == null || !pool.restrictsMdevs() || type == null) {
            return create(host, type, parent, uuid);
        }
        List<MdevType> fit = allowedFor(pool, types(host), host, type, parent).stream()
                .filter(t -> t.id().equals(type))
                .filter(t -> parent == null || parent.equals(t.parent()) || parent.equals(t.parentAddress())).toList();
        String on = parent != null || fit.isEmpty() ? parent : fit.stream().filter(t -> t.available() > 0)
                .findFirst().orElse(fit.get(0)).parent();
        return create(host, type, on, uuid); // a type no parent offers: create names the types offered
    }

    /**
     * The types of {@code all} that {@code pool} allows: all when there is no pool or its {@code device_spec} names no
     * {@code mdev_type}; else those an entry allows on their parent (a PCI parent's ids read from the host's
     * inventory; a parent that is no PCI device, such as mtty's, only by an entry without address and ids).
     *
     * @param type only types of this id are checked (null: all)
     */
    public static List<MdevType> allowedBy(io.passthru.manager.pool.DevicePool pool, List<MdevType> all, Host host,
                                           String type) {
        if (pool == null || !pool.restrictsMdevs()) {
            return all;
        }
        Inventory inv = Inventory.scan(host);
        List<MdevType> out = new java.util.ArrayList<>();
        for (MdevType t : all) {
            if (type != null && !t.id().equals(type)) {
                continue;
            }
            io.passthru.xml.PciAddress a;
            try {
                a = io.passthru.xml.PciAddress.parse(t.parentAddress());
            } catch (RuntimeException notPci) {
                a = null;
            }
            Inventory.PciFunction f = a == null ? null : inv.function(a).orElse(null);
            if (pool.allowingMdev(t.id(), a, f == null ? null : f.vendorId(), f == null ? null : f.productId())
                    .isPresent()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Removes the mdev with {@code uuid} when the host has it and no domain holds it (what a failed or recovered
     * migration's destination mdev gets); nothing otherwise.
     *
     * @throws LibvirtCallException as {@link #remove}
     */
    public static void removeIfFree(Host host, String uuid) {
        if (find(host, uuid).filter(m -> m.usedBy() == null).isPresent()) {
            remove(host, uuid);
        }
    }

    /**
     * Whether {@code s} has the form of an mdev UUID (8-4-4-4-12 hexadecimal digits); anything else given to
     * {@code --mdev UUID|TYPE} is a type.
     */
    public static boolean isUuid(String s) {
        return s != null && UUID_FORM.matcher(s).matches();
    }

    /**
     * Stops (when started: virNodeDeviceDestroy) and undefines (when defined: virNodeDeviceUndefine) the mdev, and
     * waits until libvirt no longer reports it.
     *
     * @throws InvalidRequestException a malformed UUID, an mdev the host lacks, or one a domain's XML (live or
     *                                 persistent) holds, naming the domain; nothing was changed
     * @throws LibvirtCallException    when libvirt (mdevctl) fails to stop or undefine it, or does not report it gone
     *                                 within {@link #STATE_WAIT}
     */
    public static void remove(Host host, String uuid) {
        Mdev m = find(host, checkUuid(uuid)).orElseThrow(() -> new InvalidRequestException("no mdev " + uuid + " on "
                + host.uri() + " (passthru list-devices -c " + host.uri() + " shows the host's mdevs); nothing was "
                + "changed"));
        refuseHeld(host, m, "remove");
        stopAndUndefine(host, m.nodeDevice());
    }

    /**
     * Stops node device {@code name} when libvirt reports it started and waits until it reports it stopped, then
     * undefines it when it is still defined and waits until libvirt no longer knows it.
     */
    private static void stopAndUndefine(Host host, String name) {
        if (host.nodeDeviceState(name).map(Host.NodeDeviceState::active).orElse(false)) {
            host.stopNodeDevice(name);
            awaitState(host, name, s -> s.isEmpty() || !s.get().active(), "stopped");
        }
        if (host.nodeDeviceState(name).map(Host.NodeDeviceState::persistent).orElse(false)) {
            host.undefineNodeDevice(name);
        }
        awaitState(host, name, Optional::isEmpty, "gone");
    }

    /**
     * Stops and starts again an mdev no domain holds, so that its device state starts fresh (a driver may keep a
     * migration state across opens: Linux's mtty keeps a failed incoming migration's RESUMING state until its mdev is
     * removed). A started mdev that was not defined comes back defined.
     *
     * @throws InvalidRequestException when the host has no such mdev, or a domain holds it (nothing was changed)
     */
    public static Mdev restart(Host host, String uuid) {
        Mdev m = find(host, checkUuid(uuid)).orElseThrow(() -> new InvalidRequestException("no mdev " + uuid + " on "
                + host.uri()));
        refuseHeld(host, m, "restart");
        if (m.active()) {
            host.stopNodeDevice(m.nodeDevice());
            awaitState(host, m.nodeDevice(), s -> s.isEmpty() || !s.get().active(), "stopped");
        }
        if (host.nodeDeviceState(m.nodeDevice()).isEmpty()) { // it was transient: gone with its stop
            return create(host, m.type(), m.parent(), m.uuid());
        }
        host.startNodeDevice(m.nodeDevice());
        awaitState(host, m.nodeDevice(), s -> s.isPresent() && s.get().active(), "started");
        return new Mdev(m.uuid(), m.type(), m.parent(), m.nodeDevice(), true, true, null);
    }

    private static void refuseHeld(Host host, Mdev m, String what) {
        if (m.usedBy() != null) {
            throw new InvalidRequestException("domain '" + m.usedBy() + "' on " + host.uri() + " holds mdev " + m.uuid()
                    + ": detach it first (passthru detach " + m.usedBy() + " --mdev " + m.uuid() + "), then " + what
                    + " it; nothing was changed");
        }
    }

    /**
     * {@code uuid} when it has the 8-4-4-4-12 hexadecimal form, lower-cased.
     *
     * @throws InvalidRequestException otherwise
     */
    static String checkUuid(String uuid) {
        if (uuid == null || !UUID_FORM.matcher(uuid).matches()) {
            throw new InvalidRequestException("'" + uuid + "' is not an mdev UUID: give 8-4-4-4-12 hexadecimal digits, "
                    + "e.g. b1ae8bf6-38b0-4c81-9d44-78ce3f520496");
        }
        return uuid.toLowerCase(Locale.ROOT);
    }

    private static void awaitState(Host host, String name, Predicate<Optional<Host.NodeDeviceState>> wanted,
                                   String what) {
        long deadline = System.nanoTime() + STATE_WAIT.toNanos();
        while (true) {
            Optional<Host.NodeDeviceState> s = host.nodeDeviceState(name);
            if (wanted.test(s)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LibvirtCallException("libvirt on " + host.uri() + " did not report node device " + name
                        + " " + what + " within " + STATE_WAIT.toSeconds() + " s (it learns of mdevs from udev: is "
                        + "udevd running on the host?); its state: " + s.map(Object::toString).orElse("absent"), null,
                        PassthruException.NO_LIBVIRT_ERROR);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LibvirtCallException("interrupted while waiting for node device " + name + " " + what, e,
                        PassthruException.NO_LIBVIRT_ERROR);
            }
        }
    }
}
