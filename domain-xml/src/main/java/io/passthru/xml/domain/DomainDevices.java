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
 * {@code <devices>} (formatdomain.html#devices): one list of all devices in document order. Every device element
 * of libvirt 11.3's schema has a typed class ({@link #DEVICE_TYPES}: {@link DomainDisk}, {@link DomainController},
 * {@link DomainInterface}, {@link DomainHostdev}, {@link DomainGraphics}, {@link DomainIommu}, ...); an element
 * the model does not know (a device of a later libvirt) is kept in place as a DOM {@link Element}.
 */
public class DomainDevices extends XmlAttributeCatchAll {
    /** The typed device classes, in libvirt's device order. */
    public static final List<Class<?>> DEVICE_TYPES = List.of(DomainEmulator.class, DomainDisk.class, DomainController.class, DomainLease.class, DomainFilesystem.class, DomainInterface.class, DomainInput.class, DomainSound.class, DomainAudio.class, DomainHostdev.class, DomainGraphics.class, DomainVideo.class, DomainSerial.class, DomainParallel.class, DomainConsole.class, DomainChannel.class, DomainSmartcard.class, DomainRedirdev.class, DomainRedirfilter.class, DomainHub.class, DomainWatchdog.class, DomainMemballoon.class, DomainRng.class, DomainTpm.class, DomainShmem.class, DomainMemorydev.class, DomainIommu.class, DomainVsock.class, DomainPanic.class, DomainCrypto.class, DomainPstore.class, DomainNvram.class);

    @XmlElementRefs({
            @XmlElementRef(type = DomainEmulator.class),
            @XmlElementRef(type = DomainDisk.class),
            @XmlElementRef(type = DomainController.class),
            @XmlElementRef(type = DomainLease.class),
            @XmlElementRef(type = DomainFilesystem.class),
            @XmlElementRef(type = DomainInterface.class),
            @XmlElementRef(type = DomainInput.class),
            @XmlElementRef(type = DomainSound.class),
            @XmlElementRef(type = DomainAudio.class),
            @XmlElementRef(type = DomainHostdev.class),
            @XmlElementRef(type = DomainGraphics.class),
            @XmlElementRef(type = DomainVideo.class),
            @XmlElementRef(type = DomainSerial.class),
            @XmlElementRef(type = DomainParallel.class),
            @XmlElementRef(type = DomainConsole.class),
            @XmlElementRef(type = DomainChannel.class),
            @XmlElementRef(type = DomainSmartcard.class),
            @XmlElementRef(type = DomainRedirdev.class),
            @XmlElementRef(type = DomainRedirfilter.class),
            @XmlElementRef(type = DomainHub.class),
            @XmlElementRef(type = DomainWatchdog.class),
            @XmlElementRef(type = DomainMemballoon.class),
            @XmlElementRef(type = DomainRng.class),
            @XmlElementRef(type = DomainTpm.class),
            @XmlElementRef(type = DomainShmem.class),
            @XmlElementRef(type = DomainMemorydev.class),
            @XmlElementRef(type = DomainIommu.class),
            @XmlElementRef(type = DomainVsock.class),
            @XmlElementRef(type = DomainPanic.class),
            @XmlElementRef(type = DomainCrypto.class),
            @XmlElementRef(type = DomainPstore.class),
            @XmlElementRef(type = DomainNvram.class)})
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

    /** The {@code <disk>} devices, in order (a snapshot). */
    public List<DomainDisk> disks() {
        return ofType(DomainDisk.class);
    }

    /** The {@code <lease>} devices, in order (a snapshot). */
    public List<DomainLease> leases() {
        return ofType(DomainLease.class);
    }

    /** The {@code <filesystem>} devices, in order (a snapshot). */
    public List<DomainFilesystem> filesystems() {
        return ofType(DomainFilesystem.class);
    }

    /** The {@code <input>} devices, in order (a snapshot). */
    public List<DomainInput> inputs() {
        return ofType(DomainInput.class);
    }

    /** The {@code <sound>} devices, in order (a snapshot). */
    public List<DomainSound> sounds() {
        return ofType(DomainSound.class);
    }

    /** The {@code <audio>} devices, in order (a snapshot). */
    public List<DomainAudio> audios() {
        return ofType(DomainAudio.class);
    }

    /** The {@code <graphics>} devices, in order (a snapshot). */
    public List<DomainGraphics> graphics() {
        return ofType(DomainGraphics.class);
    }

    /** The {@code <video>} devices, in order (a snapshot). */
    public List<DomainVideo> videos() {
        return ofType(DomainVideo.class);
    }

    /** The {@code <serial>} devices, in order (a snapshot). */
    public List<DomainSerial> serials() {
        return ofType(DomainSerial.class);
    }

    /** The {@code <parallel>} devices, in order (a snapshot). */
    public List<DomainParallel> parallels() {
        return ofType(DomainParallel.class);
    }

    /** The {@code <console>} devices, in order (a snapshot). */
    public List<DomainConsole> consoles() {
        return ofType(DomainConsole.class);
    }

    /** The {@code <smartcard>} devices, in order (a snapshot). */
    public List<DomainSmartcard> smartcards() {
        return ofType(DomainSmartcard.class);
    }

    /** The {@code <redirdev>} devices, in order (a snapshot). */
    public List<DomainRedirdev> redirdevs() {
        return ofType(DomainRedirdev.class);
    }

    /** The {@code <redirfilter>} devices, in order (a snapshot). */
    public List<DomainRedirfilter> redirfilters() {
        return ofType(DomainRedirfilter.class);
    }

    /** The {@code <hub>} devices, in order (a snapshot). */
    public List<DomainHub> hubs() {
        return ofType(DomainHub.class);
    }

    /** The {@code <watchdog>} devices, in order (a snapshot). */
    public List<DomainWatchdog> watchdogs() {
        return ofType(DomainWatchdog.class);
    }

    /** The {@code <memballoon>} devices, in order (a snapshot). */
    public List<DomainMemballoon> memballoons() {
        return ofType(DomainMemballoon.class);
    }

    /** The {@code <rng>} devices, in order (a snapshot). */
    public List<DomainRng> rngs() {
        return ofType(DomainRng.class);
    }

    /** The {@code <tpm>} devices, in order (a snapshot). */
    public List<DomainTpm> tpms() {
        return ofType(DomainTpm.class);
    }

    /** The {@code <shmem>} devices, in order (a snapshot). */
    public List<DomainShmem> shmems() {
        return ofType(DomainShmem.class);
    }

    /** The {@code <memory>} devices, in order (a snapshot). */
    public List<DomainMemorydev> memorydevs() {
        return ofType(DomainMemorydev.class);
    }

    /** The {@code <iommu>} devices, in order (a snapshot). */
    public List<DomainIommu> iommus() {
        return ofType(DomainIommu.class);
    }

    /** The {@code <vsock>} devices, in order (a snapshot). */
    public List<DomainVsock> vsocks() {
        return ofType(DomainVsock.class);
    }

    /** The {@code <panic>} devices, in order (a snapshot). */
    public List<DomainPanic> panics() {
        return ofType(DomainPanic.class);
    }

    /** The {@code <crypto>} devices, in order (a snapshot). */
    public List<DomainCrypto> cryptos() {
        return ofType(DomainCrypto.class);
    }

    /** The {@code <pstore>} devices, in order (a snapshot). */
    public List<DomainPstore> pstores() {
        return ofType(DomainPstore.class);
    }

    /** The {@code <nvram>} devices, in order (a snapshot). */
    public List<DomainNvram> nvrams() {
        return ofType(DomainNvram.class);
    }

    /** The PCI controllers ({@code type='pci'}), in order (a snapshot). */
    public List<DomainController> pciControllers() {
        return controllers().stream().filter(DomainController::isPci).toList();
    }

    /** The disk whose target is {@code dev} (e.g. {@code vda}), if any. */
    public Optional<DomainDisk> diskByTarget(String dev) {
        return disks().stream().filter(d -> d.targetDev().filter(dev::equals).isPresent()).findFirst();
    }

    /** The IOMMU, if the domain has one (libvirt allows at most one). */
    public Optional<DomainIommu> iommu() {
        return iommus().stream().findFirst();
    }

    /** The emulator path, if present. */
    public Optional<String> emulator() {
        return ofType(DomainEmulator.class).stream().map(DomainEmulator::getPath).findFirst();
    }

    /** The untyped devices with this element name (a snapshot); empty for every element of libvirt 11.3's schema. */
    public List<Element> otherDevices(String elementName) {
        List<Element> out = new ArrayList<>();
        for (Object d : getDevices()) {
            if (d instanceof Element e && elementName.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The devices of one typed class, in order (a snapshot). */
    public <T> List<T> ofType(Class<T> type) {
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
     * Appends a device: an instance of one of {@link #DEVICE_TYPES} or a DOM {@link Element}.
     *
     * @throws IllegalArgumentException for any other object
     */
    public void add(Object device) {
        Objects.requireNonNull(device, "device");
        if (!(device instanceof Element || DEVICE_TYPES.contains(device.getClass()))) {
            throw new IllegalArgumentException("not a device: " + device.getClass().getName()
                    + "; expected one of " + DEVICE_TYPES.stream().map(Class::getSimpleName).toList()
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
