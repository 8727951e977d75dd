package io.passthru.manager.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.libvirt.Connect;
import org.libvirt.Domain;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The few libvirt C entry points libvirt-java 0.5.4 does not wrap, bound with JNA against the same libvirt.so.0:
 * per-device domain events ({@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED}, {@code ..._DEVICE_REMOVAL_FAILED}),
 * {@code virConnectGetDomainCapabilities}, {@code virConnectListAllNodeDevices}, and the persistent node device
 * calls mdevs need ({@code virNodeDeviceDefineXML}, {@code Create}, {@code Undefine}, {@code IsActive},
 * {@code IsPersistent}, libvirt 7.3). Source: libvirt's
 * libvirt-domain.h, libvirt-host.h and libvirt-nodedev.h.
 */
public final class LibvirtNative {
    /** {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED}: a device finished its removal (libvirt-domain.h). */
    public static final int EVENT_ID_DEVICE_REMOVED = 15;
    /** {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED}: the guest refused to release a device. */
    public static final int EVENT_ID_DEVICE_REMOVAL_FAILED = 22;

    /** {@code virConnectDomainEventDeviceRemovedCallback} and {@code ...DeviceRemovalFailedCallback}. */
    public interface DeviceEventCallback extends Callback {
        void invoke(Pointer conn, Pointer dom, String devAlias, Pointer opaque);
    }

    interface Libvirt extends Library {
        int virConnectDomainEventRegisterAny(Pointer conn, Pointer dom, int eventID, Callback cb, Pointer opaque,
                                             Pointer freecb);

        int virConnectDomainEventDeregisterAny(Pointer conn, int callbackID);

        Pointer virConnectGetDomainCapabilities(Pointer conn, String emulatorbin, String arch, String machine,
                                                String virttype, int flags);

        int virConnectListAllNodeDevices(Pointer conn, PointerByReference devices, int flags);

        String virNodeDeviceGetName(Pointer dev);

        Pointer virNodeDeviceGetXMLDesc(Pointer dev, int flags);

        int virNodeDeviceFree(Pointer dev);

        Pointer virNodeDeviceLookupByName(Pointer conn, String name);

        Pointer virNodeDeviceDefineXML(Pointer conn, String xml, int flags);

        int virNodeDeviceCreate(Pointer dev, int flags);

        int virNodeDeviceDestroy(Pointer dev);

        int virNodeDeviceUndefine(Pointer dev, int flags);

        int virNodeDeviceIsActive(Pointer dev);

        int virNodeDeviceIsPersistent(Pointer dev);

        int virDomainGetState(Pointer dom, IntByReference state, IntByReference reason, int flags);

        int virDomainMigrateStartPostCopy(Pointer dom, int flags);
    }

    /** {@code VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV} (libvirt-nodedev.h: {@code 1 << VIR_NODE_DEV_CAP_PCI_DEV}). */
    public static final int LIST_NODE_DEVICES_CAP_PCI_DEV = 1 << 1;
    /** {@code VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET} ({@code 1 << VIR_NODE_DEV_CAP_NET}). */
    public static final int LIST_NODE_DEVICES_CAP_NET = 1 << 4;
    /** {@code VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES}: devices that can parent mdevs (libvirt 3.4). */
    public static final int LIST_NODE_DEVICES_CAP_MDEV_TYPES = 1 << 13;
    /** {@code VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV}: mediated devices (libvirt 3.4). */
    public static final int LIST_NODE_DEVICES_CAP_MDEV = 1 << 14;
    /** {@code VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE}: defined devices that are not started (libvirt 7.3). */
    public static final int LIST_NODE_DEVICES_INACTIVE = 1 << 30;
    /** {@code VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE}: started devices (libvirt 7.3). */
    public static final int LIST_NODE_DEVICES_ACTIVE = 1 << 31;

    private static final Libvirt LIB = Native.load("virt", Libvirt.class);

    private LibvirtNative() {
    }

    static Libvirt lib() {
        return LIB;
    }

    /** The {@code virConnectPtr} behind a libvirt-java connection. */
    static Pointer pointer(Connect conn) {
        return pointerField(conn, Connect.class, "vcp");
    }

    /** The {@code virDomainPtr} behind a libvirt-java domain. */
    static Pointer pointer(Domain dom) {
        return pointerField(dom, Domain.class, "vdp");
    }

    private static Pointer pointerField(Object owner, Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return ((PointerType) f.get(owner)).getPointer();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("libvirt-java has no field " + type.getSimpleName() + "." + name
                    + "; passthru needs libvirt-java 0.5.x", e);
        }
    }

    /**
     * {@code virConnectGetDomainCapabilities}: domain capabilities XML for the given emulator/arch/machine/virttype
     * (each may be null for the host default).
     *
     * @return the XML, or null when libvirt reported an error (read it with {@link LibvirtErrors#lastNativeFailure})
     */
    static String domainCapabilities(Connect conn, String emulator, String arch, String machine, String virtType) {
        return takeString(LIB.virConnectGetDomainCapabilities(pointer(conn), emulator, arch, machine, virtType, 0));
    }

    /** A UTF-8 string libvirt allocated for the caller, read and then freed; null stays null (libvirt's error). */
    private static String takeString(Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Native.free(Pointer.nativeValue(p));
        }
    }

    /** A node device handle from {@link #listAllNodeDevices}, with its name; {@link #free} releases it. */
    record NodeDeviceHandle(Pointer pointer, String name) {
    }

    /**
     * {@code virConnectListAllNodeDevices}: the node devices with the capability {@code flags} name (one RPC, where
     * {@code virNodeListDevices} gives names that each need a lookup RPC before their XML can be read).
     *
     * @return the handles (each to be given to {@link #free}), or null when libvirt reported an error
     *         ({@link LibvirtErrors#lastNativeFailure})
     */
    static List<NodeDeviceHandle> listAllNodeDevices(Connect conn, int flags) {
        PointerByReference out = new PointerByReference();
        int n = LIB.virConnectListAllNodeDevices(pointer(conn), out, flags);
        if (n < 0) {
            return null;
        }
        Pointer array = out.getValue();
        List<NodeDeviceHandle> handles = new ArrayList<>(n);
        if (array == null) {
            return handles;
        }
        try {
            for (Pointer p : array.getPointerArray(0, n)) {
                handles.add(new NodeDeviceHandle(p, LIB.virNodeDeviceGetName(p)));
            }
        } finally {
            Native.free(Pointer.nativeValue(array));
        }
        return handles;
    }

    /**
     * {@code virNodeDeviceGetXMLDesc}: the device's XML (one RPC).
     *
     * @return the XML, or null when libvirt reported an error (the device went away, or the connection failed)
     */
    static String nodeDeviceXml(NodeDeviceHandle dev) {
        return takeString(LIB.virNodeDeviceGetXMLDesc(dev.pointer(), 0));
    }

    /** {@code virNodeDeviceFree}: releases a handle (no RPC). */
    static void free(NodeDeviceHandle dev) {
        LIB.virNodeDeviceFree(dev.pointer());
    }

    /** {@code virNodeDeviceLookupByName}: a handle, or null when libvirt reported an error (no such device). */
    static NodeDeviceHandle lookup(Connect conn, String name) {
        Pointer p = LIB.virNodeDeviceLookupByName(pointer(conn), name);
        return p == null ? null : new NodeDeviceHandle(p, name);
    }

    /**
     * {@code virNodeDeviceDefineXML} (libvirt 7.3): defines a persistent node device (an mdev, through mdevctl).
     *
     * @return its handle, or null when libvirt reported an error
     */
    static NodeDeviceHandle define(Connect conn, String xml) {
        Pointer p = LIB.virNodeDeviceDefineXML(pointer(conn), xml, 0);
        return p == null ? null : new NodeDeviceHandle(p, LIB.virNodeDeviceGetName(p));
    }

    /** {@code virNodeDeviceCreate} (libvirt 7.3): starts a defined node device; -1 on error. */
    static int start(NodeDeviceHandle dev) {
        return LIB.virNodeDeviceCreate(dev.pointer(), 0);
    }

    /** {@code virNodeDeviceDestroy}: stops a started mdev (or removes a vHBA); -1 on error. */
    static int destroy(NodeDeviceHandle dev) {
        return LIB.virNodeDeviceDestroy(dev.pointer());
    }

    /** {@code virNodeDeviceUndefine} (libvirt 7.3): removes a node device's definition; -1 on error. */
    static int undefine(NodeDeviceHandle dev) {
        return LIB.virNodeDeviceUndefine(dev.pointer(), 0);
    }

    /** {@code virNodeDeviceIsActive} (libvirt 7.3): 1, 0, or -1 on error. */
    static int isActive(NodeDeviceHandle dev) {
        return LIB.virNodeDeviceIsActive(dev.pointer());
    }

    /** {@code virNodeDeviceIsPersistent} (libvirt 7.3): 1, 0, or -1 on error. */
    static int isPersistent(NodeDeviceHandle dev) {
        return LIB.virNodeDeviceIsPersistent(dev.pointer());
    }

    /**
     * {@code virDomainGetState}: the domain's state and its reason ({@code virDomainState}, and e.g.
     * {@code virDomainPausedReason}), or null when libvirt reported an error ({@link LibvirtErrors#lastNativeFailure}).
     */
    static int[] domainState(Domain dom) {
        IntByReference state = new IntByReference();
        IntByReference reason = new IntByReference();
        if (LIB.virDomainGetState(pointer(dom), state, reason, 0) < 0) {
            return null;
        }
        return new int[] {state.getValue(), reason.getValue()};
    }

    /** {@code virDomainMigrateStartPostCopy}: 0, or -1 when libvirt refused (its error is the last one). */
    static int migrateStartPostCopy(Domain dom) {
        return LIB.virDomainMigrateStartPostCopy(pointer(dom), 0);
    }
}
