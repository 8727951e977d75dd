package io.passthru.manager.libvirt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import org.libvirt.Connect;
import org.libvirt.Domain;

import java.lang.reflect.Field;

/**
 * The few libvirt C entry points libvirt-java 0.5.4 does not wrap, bound with JNA against the same libvirt.so.0:
 * per-device domain events ({@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED}, {@code ..._DEVICE_REMOVAL_FAILED}) and
 * {@code virConnectGetDomainCapabilities}. Source: libvirt's libvirt-domain.h and libvirt-host.h.
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
    }

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
     * @return the XML, or null when libvirt reported an error (read it with {@link #lastError()})
     */
    static String domainCapabilities(Connect conn, String emulator, String arch, String machine, String virtType) {
        Pointer p = LIB.virConnectGetDomainCapabilities(pointer(conn), emulator, arch, machine, virtType, 0);
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Native.free(Pointer.nativeValue(p));
        }
    }
}
