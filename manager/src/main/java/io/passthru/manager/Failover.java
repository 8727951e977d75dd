package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.xml.MacAddress;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainInterface;
import io.passthru.xml.domain.DomainInterfaceTeaming;

import java.util.List;
import java.util.Optional;

/**
 * libvirt's virtio-net failover pairing (formatdomain "Teaming a virtio/hostdev NIC pair"; QEMU virtio-net
 * {@code failover=on} and vfio-pci {@code failover_pair_id}; the guest's {@code net_failover} driver, kernel
 * Documentation/networking/net_failover.rst): a virtio NIC with {@code <teaming type='persistent'/>} and a user alias
 * ({@code ua-} prefix), and a VF as {@code <interface type='hostdev'>} with {@code <teaming type='transient'
 * persistent='ALIAS'/>} and the same MAC. The guest's failover netdev keeps the address throughout: it sends on the
 * VF while one is plugged and on the virtio NIC otherwise, so the VF can be unplugged and another plugged without the
 * guest's agent.
 */
public final class Failover {
    /** The persistent (virtio) side of a pair: its alias and MAC. */
    public record Pair(String alias, MacAddress mac) {
    }

    private Failover() {
    }

    /**
     * The virtio NIC of {@code domain} a new failover VF pairs with: the one with {@code <teaming
     * type='persistent'/>} (and MAC {@code macOrNull} when given).
     *
     * @throws InvalidRequestException naming the fix when there is none, it has no alias or no MAC, or several
     *                                 match
     */
    public static Pair persistentPartner(Domain domain, String domainName, MacAddress macOrNull) {
        List<DomainInterface> persistent = domain.getDevices() == null ? List.of() : domain.devices().interfaces()
                .stream().filter(i -> "persistent".equals(teamingType(i)))
                .filter(i -> macOrNull == null || i.macAddress().map(macOrNull::equals).orElse(false))
                .toList();
        if (persistent.isEmpty()) {
            throw new InvalidRequestException("domain '" + domainName + "' has no virtio NIC with <teaming "
                    + "type='persistent'/>" + (macOrNull == null ? "" : " and MAC " + macOrNull) + ": failover needs "
                    + "one (add <teaming type='persistent'/> and <alias name='ua-backup0'/> to its virtio interface "
                    + "and restart the domain: QEMU sets failover=on when it starts)");
        }
        if (persistent.size() > 1) {
            throw new InvalidRequestException("domain '" + domainName + "' has " + persistent.size() + " virtio NICs "
                    + "with <teaming type='persistent'/>: name the one to pair with by its MAC (--mac)");
        }
        DomainInterface p = persistent.get(0);
        String alias = p.aliasName().orElseThrow(() -> new InvalidRequestException("the failover virtio NIC of '"
                + domainName + "' has no <alias name='ua-...'/>: the VF's <teaming persistent='...'/> names it"));
        MacAddress mac = p.macAddress().orElseThrow(() -> new InvalidRequestException("the failover virtio NIC of '"
                + domainName + "' has no MAC address"));
        return new Pair(alias, mac);
    }

    /**
     * The failover VF of {@code domain} (live XML): a hostdev interface with {@code <teaming type='transient'>}.
     */
    public static Optional<DomainInterface> transientVf(Domain domain) {
        return domain.getDevices() == null ? Optional.empty() : domain.devices().interfaces().stream()
                .filter(DomainInterface::isHostdev).filter(i -> "transient".equals(teamingType(i))).findFirst();
    }

    /**
     * Checks that failover VF {@code vf} of {@code domain} is paired as QEMU needs it: its {@code persistent}
     * alias names a virtio NIC with {@code <teaming type='persistent'/>} and the same MAC.
     *
     * @return the pair
     * @throws InvalidRequestException naming what is wrong and the fix
     */
    public static Pair checkPaired(Domain domain, String domainName, DomainInterface vf) {
        DomainInterfaceTeaming t = vf.getTeaming();
        String alias = t == null ? null : t.getPersistent();
        if (alias == null) {
            throw new InvalidRequestException("the VF interface of '" + domainName + "' has no <teaming "
                    + "type='transient' persistent='ALIAS'/>: attach it with passthru attach --failover");
        }
        DomainInterface partner = domain.devices().interfaces().stream()
                .filter(i -> i.aliasName().map(alias::equals).orElse(false)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("the VF of '" + domainName + "' is teamed with '"
                        + alias + "', but the domain has no interface with that alias"));
        if (!"persistent".equals(teamingType(partner)) || partner.getModel() == null
                || !"virtio".equals(partner.getModel().getType())) {
            throw new InvalidRequestException("interface '" + alias + "' of '" + domainName + "' must be a virtio NIC "
                    + "with <teaming type='persistent'/> to back the failover VF");
        }
        MacAddress mac = partner.macAddress().orElse(null);
        if (mac == null || !mac.equals(vf.macAddress().orElse(null))) {
            throw new InvalidRequestException("the failover VF of '" + domainName + "' has MAC "
                    + vf.macAddress().orElse(null) + " but its virtio NIC '" + alias + "' has " + mac
                    + ": net_failover pairs them by MAC, they must be equal");
        }
        return new Pair(alias, mac);
    }

    static String teamingType(DomainInterface i) {
        return i.getTeaming() == null ? null : i.getTeaming().getType();
    }
}
