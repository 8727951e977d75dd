package io.passthru.agent;

/**
 * One network link in the guest, from {@code ip -j -d link show}.
 *
 * @param name         interface name ({@code ifname}), e.g. {@code "eth1"}
 * @param mac          current MAC address ({@code address}), lower case; {@code null} if the link has none
 * @param operstate    RFC 2863 operational state as ip prints it: {@code "UP"}, {@code "DOWN"},
 *                     {@code "LOWERLAYERDOWN"}, {@code "UNKNOWN"}, ...
 * @param up           administratively up ({@code flags} contains {@code UP})
 * @param lowerUp      carrier present ({@code flags} contains {@code LOWER_UP})
 * @param master       name of the master device (e.g. the bond) or {@code null}
 * @param kind         {@code linkinfo.info_kind} (e.g. {@code "bond"}), {@code null} for plain NICs such as
 *                     virtio-net or a VF
 * @param permanentMac the device's permanent MAC, lower case, when ip reports one: {@code permaddr}
 *                     (printed when it differs from the current address) or, for a bond slave,
 *                     {@code linkinfo.info_slave_data.perm_hwaddr}; else {@code null}. With the bonding
 *                     default {@code fail_over_mac=none} a slave's current address is the bond's, so this
 *                     is what identifies the physical NIC (kernel {@code Documentation/networking/bonding.rst})
 */
public record GuestLink(String name, String mac, String operstate, boolean up, boolean lowerUp, String master,
                        String kind, String permanentMac, String parentBus) {

    /** A link whose parent bus is not known. */
    public GuestLink(String name, String mac, String operstate, boolean up, boolean lowerUp, String master,
                     String kind, String permanentMac) {
        this(name, mac, operstate, up, lowerUp, master, kind, permanentMac, null);
    }

    /** A link without a known permanent MAC. */
    public GuestLink(String name, String mac, String operstate, boolean up, boolean lowerUp, String master,
                     String kind) {
        this(name, mac, operstate, up, lowerUp, master, kind, null, null);
    }

    /**
     * {@code true} if the link's device sits on the PCI bus ({@code parentbus} "pci" in {@code ip -d}): a VF or
     * other passed-through NIC. A virtio NIC's parent bus is "virtio", so this tells a VF from the virtio NIC
     * even when both carry the same MAC.
     */
    public boolean isPciDevice() {
        return "pci".equals(parentBus);
    }

    /** {@code true} if this link is a bonding master ({@code info_kind} is {@code "bond"}). */
    public boolean isBond() {
        return "bond".equals(kind);
    }

    /** {@code true} if {@code mac} (any case) equals the current or the permanent address. */
    public boolean hasMac(String mac) {
        return mac != null && (mac.equalsIgnoreCase(this.mac) || mac.equalsIgnoreCase(permanentMac));
    }
}
