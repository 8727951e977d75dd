package io.passthru.xml.domain;

import io.passthru.xml.PciAddress;
import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <devices>} (formatdomain.html#devices): one list of all devices in document order. Typed entries are
 * {@link DomainEmulator}, {@link DomainHostdev}, {@link DomainInterface}, {@link DomainController},
 * {@link DomainChannel}; every other device (disk, input, graphics, ...) is kept in place as a DOM
 * {@link Element}.
 */
public class DomainDevices extends XmlAttributeCatchAll {
    @XmlElementRefs({
            @XmlElementRef(type = DomainEmulator.class),
            @XmlElementRef(type = DomainHostdev.class),
            @XmlElementRef(type = DomainInterface.class),
            @XmlElementRef(type = DomainController.class),
            @XmlElementRef(type = DomainChannel.class)})
    @XmlAnyElement(lax = false)
    private List<Object> devices;

    public DomainDevices() {
    }

    /** All devices in document order: typed objects or DOM {@link Element}s; live, never {@code null}. */
    public List<Object> getDevices() {
        if (devices == null) {
            devices = new ArrayList<>();
        }
        return devices;
    }

    /** The {@code <hostdev>} devices, in order (a snapshot). */
    public List<DomainHostdev> hostdevs() {
        return ofType(DomainHostdev.class);
    }

    /** The {@code <interface>} devices, in order (a snapshot). */
    public List<DomainInterface> interfaces() {
        return ofType(DomainInterface.class);
    }

    /** The {@code <controller>} devices, in order (a snapshot). */
    public List<DomainController> controllers() {
        return ofType(DomainController.class);
    }

    /** The {@code <channel>} devices, in order (a snapshot). */
    public List<DomainChannel> channels() {
        return ofType(DomainChannel.class);
    }

    /** The emulator path, if present. */
    public Optional<String> emulator() {
        return ofType(DomainEmulator.class).stream().map(DomainEmulator::getPath).findFirst();
    }

    /** The unmodelled devices with this element name, e.g. {@code "disk"} (a snapshot). */
    public List<Element> otherDevices(String elementName) {
        List<Element> out = new ArrayList<>();
        for (Object d : getDevices()) {
            if (d instanceof Element e && elementName.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    private <T> List<T> ofType(Class<T> type) {
        if (devices == null) {
            return Collections.emptyList();
        }
        List<T> out = new ArrayList<>();
        for (Object d : devices) {
            if (type.isInstance(d)) {
                out.add(type.cast(d));
            }
        }
        return out;
    }

    /**
     * Appends a device: one of the typed device classes or a DOM {@link Element}.
     *
     * @throws IllegalArgumentException for any other object
     */
    public void add(Object device) {
        Objects.requireNonNull(device, "device");
        if (!(device instanceof DomainHostdev || device instanceof DomainInterface || device instanceof DomainController
                || device instanceof DomainChannel || device instanceof DomainEmulator || device instanceof Element)) {
            throw new IllegalArgumentException("not a device: " + device.getClass().getName()
                    + "; expected DomainHostdev, DomainInterface, DomainController, DomainChannel, DomainEmulator"
                    + " or org.w3c.dom.Element");
        }
        getDevices().add(device);
    }

    /** Removes this very device object (identity); true if it was present. */
    public boolean remove(Object device) {
        if (devices == null) {
            return false;
        }
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i) == device) {
                devices.remove(i);
                return true;
            }
        }
        return false;
    }

    /**
     * The {@code <hostdev type='pci'>} or {@code <interface type='hostdev'>} whose source (host) PCI address is
     * {@code host} (formatdomain.html#host-device-assignment, #pci-passthrough).
     */
    public Optional<Object> findBySourcePci(PciAddress host) {
        Objects.requireNonNull(host, "host");
        for (Object d : getDevices()) {
            if (d instanceof DomainHostdev h && h.sourcePciAddress().filter(host::equals).isPresent()) {
                return Optional.of(h);
            }
            if (d instanceof DomainInterface i && i.sourcePciAddress().filter(host::equals).isPresent()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
