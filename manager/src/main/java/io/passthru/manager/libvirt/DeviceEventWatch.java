package io.passthru.manager.libvirt;

import com.sun.jna.Pointer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Subscription to one domain's {@code DEVICE_REMOVED} and {@code DEVICE_REMOVAL_FAILED} events, registered before a
 * detach is requested so no event can be missed. Close it when done (deregisters both callbacks).
 */
public final class DeviceEventWatch implements AutoCloseable {
    /** One event: which kind and the device alias libvirt reported (e.g. {@code "hostdev0"}, {@code "net1"}). */
    public record DeviceEvent(Kind kind, String alias) {
    }

    /** libvirt's {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED} and {@code VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED}. */
    public enum Kind { REMOVED, REMOVAL_FAILED }

    private final BlockingQueue<DeviceEvent> events = new LinkedBlockingQueue<>();
    private final Pointer conn;
    private final int removedId;
    private final int failedId;
    // strong references: JNA callbacks must outlive the registration
    private final LibvirtNative.DeviceEventCallback removedCb;
    private final LibvirtNative.DeviceEventCallback failedCb;

    DeviceEventWatch(Pointer conn, Pointer dom) {
        this.conn = conn;
        this.removedCb = (c, d, alias, opaque) -> events.add(new DeviceEvent(Kind.REMOVED, alias));
        this.failedCb = (c, d, alias, opaque) -> events.add(new DeviceEvent(Kind.REMOVAL_FAILED, alias));
        this.removedId = LibvirtNative.lib().virConnectDomainEventRegisterAny(conn, dom,
                LibvirtNative.EVENT_ID_DEVICE_REMOVED, removedCb, null, null);
        this.failedId = LibvirtNative.lib().virConnectDomainEventRegisterAny(conn, dom,
                LibvirtNative.EVENT_ID_DEVICE_REMOVAL_FAILED, failedCb, null, null);
        if (removedId < 0 || failedId < 0) {
            close();
            throw new IllegalStateException("libvirt refused to register DEVICE_REMOVED events (is the event loop "
                    + "running?)");
        }
    }

    /**
     * Waits for an event about {@code alias}; events for other devices are skipped.
     *
     * @return the event, or empty when {@code timeout} passed first
     */
    public Optional<DeviceEvent> await(String alias, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            DeviceEvent e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                return Optional.empty();
            }
            if (alias.equals(e.alias())) {
                return Optional.of(e);
            }
        }
    }

    @Override
    public void close() {
        if (removedId >= 0) {
            LibvirtNative.lib().virConnectDomainEventDeregisterAny(conn, removedId);
        }
        if (failedId >= 0) {
            LibvirtNative.lib().virConnectDomainEventDeregisterAny(conn, failedId);
        }
    }
}
