package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.pool.DeviceType;
import io.passthru.xml.MacAddress;
import io.passthru.xml.PciAddress;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainAddress;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;
import io.passthru.xml.domain.DomainInterfaceTeaming;

import java.util.Objects;
import java.util.Optional;

/**
 * A host PCI device given to a guest through VFIO, in the shape libvirt wants for its kind (formatdomain.html):
 * <ul>
 *   <li>{@link Vf}: an SR-IOV VF as {@code <interface type='hostdev' managed='yes'>} with {@code <driver
 *       name='vfio'/>}, so libvirt programs its MAC, VLAN and trust on the PF ("PCI Passthrough" under "Network
 *       interfaces");</li>
 *   <li>{@link Hostdev}: a plain PCI device (Nova {@code type-PCI}) or a whole PF (Nova {@code type-PF}) as
 *       {@code <hostdev mode='subsystem' type='pci' managed='yes'>} with {@code <driver name='vfio'/>} ("Host device
 *       assignment"); {@code managed='yes'}: libvirt unbinds it from its host driver, binds it to vfio-pci for the
 *       guest and gives it back afterwards.</li>
 * </ul>
 * Attach, detach and define use this type; each kind knows its XML fragment and how to find itself in a domain.
 */
public sealed interface PassthroughDevice permits PassthroughDevice.Vf, PassthroughDevice.Hostdev {
    /** The device's host PCI address. */
    PciAddress address();

    /** Nova's device type: {@code type-VF}, {@code type-PF} or {@code type-PCI}. */
    DeviceType kind();

    /** The device element to attach or define: a {@link DomainInterface} or a {@link DomainHostdev}. */
    Object element();

    /** "VF 0000:03:10.0", "PF 0000:03:00.0", "PCI device 0000:04:00.0": for messages. */
    default String describe() {
        return (kind() == DeviceType.PCI ? "PCI device " : kind() == DeviceType.PF ? "PF " : "VF ") + address();
    }

    /** The element in {@code domain} whose source is this device's address, if there is one. */
    default Optional<Object> findIn(Domain domain) {
        return domain.getDevices() == null ? Optional.empty() : domain.getDevices().findBySourcePci(address());
    }

    /**
     * An SR-IOV VF with its network settings.
     *
     * @param address the VF
     * @param mac     MAC, or null to let libvirt pick one
     * @param vlan    802.1Q VLAN id 0..4095 libvirt sets on the VF, or null for none
     * @param trusted {@code trustGuestRxFilters='yes'} (Nova's {@code trusted} tag). libvirt 11.3 sets no trust flag
     *                on the VF for it (seen on the lab: {@code ip link show PF} says "trust off"); Nova sets
     *                {@code ip link set PF vf N trust on} on the host itself, and so does {@link Hotplug} through
     *                {@link VfTrust} when the host is this machine
     * @param teaming alias of the virtio NIC ({@code <teaming type='persistent'/>}) this VF is the failover primary
     *                of: {@code <teaming type='transient' persistent='ALIAS'/>} (formatdomain "Teaming a
     *                virtio/hostdev NIC pair"); null for none
     * @param guestAddress where the guest gets it (libvirt's {@code <address type='pci'>}); null: libvirt picks a
     *                slot. A migration's {@code hotplug} strategy plugs the destination's device where the source's was
     */
    record Vf(PciAddress address, MacAddress mac, Integer vlan, boolean trusted, String teaming,
              PciAddress guestAddress) implements PassthroughDevice {
        /**
         * @throws InvalidRequestException when the VLAN id is outside 0..4095
         */
        public Vf {
            Objects.requireNonNull(address, "address");
            if (vlan != null && (vlan < 0 || vlan > 4095)) {
                throw new InvalidRequestException("VLAN id " + vlan + " is out of range: 802.1Q VLAN ids are 0-4095");
            }
        }

        public Vf(PciAddress address, MacAddress mac, Integer vlan, boolean trusted) {
            this(address, mac, vlan, trusted, null, null);
        }

        public Vf(PciAddress address, MacAddress mac, Integer vlan, boolean trusted, String teaming) {
            this(address, mac, vlan, trusted, teaming, null);
        }

        @Override
        public DeviceType kind() {
            return DeviceType.VF;
        }

        @Override
        public DomainInterface element() {
            DomainInterface i = DomainInterface.hostdevVf(address, mac, vlan, trusted);
            if (teaming != null) {
                DomainInterfaceTeaming t = new DomainInterfaceTeaming();
                t.setType("transient");
                t.setPersistent(teaming);
                i.setTeaming(t);
            }
            if (guestAddress != null) {
                i.setAddress(DomainAddress.pci(guestAddress));
            }
            return i;
        }
    }

    /**
     * A plain PCI device or a PF as a managed VFIO hostdev.
     *
     * @param address the device
     * @param kind    {@link DeviceType#PCI} or {@link DeviceType#PF}
     * @param guestAddress where the guest gets it (libvirt's {@code <address type='pci'>}); null: libvirt picks a slot
     */
    record Hostdev(PciAddress address, DeviceType kind, PciAddress guestAddress) implements PassthroughDevice {
        /**
         * @throws IllegalArgumentException for {@link DeviceType#VF} (a VF goes as {@link Vf})
         */
        public Hostdev {
            Objects.requireNonNull(address, "address");
            if (kind == DeviceType.VF) {
                throw new IllegalArgumentException("a VF is passed through as PassthroughDevice.Vf");
            }
            Objects.requireNonNull(kind, "kind");
        }

        public Hostdev(PciAddress address, DeviceType kind) {
            this(address, kind, null);
        }

        /** This device, plugged at {@code guest} in the guest (libvirt's {@code <address type='pci'>}). */
        public Hostdev at(PciAddress guest) {
            return new Hostdev(address, kind, guest);
        }

        @Override
        public DomainHostdev element() {
            DomainHostdev h = DomainHostdev.pciVfio(address);
            if (guestAddress != null) {
                h.setAddress(DomainAddress.pci(guestAddress));
            }
            return h;
        }
    }
}
