package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.xml.PciAddress;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets, checks and clears a {@link VfPolicy} on a host's PF, and records it with the domain.
 * <p>
 * <b>On the host.</b> When the libvirt connection is to this machine ({@link VfTrust#onThisMachine}), passthru runs the
 * ip-link commands itself, one per setting, and reads the VF back ({@code ip -j -d link show dev PF}); a setting the
 * kernel refused or does not show undoes what this policy had set. For another host it returns the commands for that
 * host's operator, as for VF trust.
 * <p>
 * <b>With the domain.</b> The policy of each VF is kept in the domain's metadata, in the namespace
 * {@value #NAMESPACE}, by the VF's MAC ({@code <vfs><vf mac=.. spoofchk=.. link-state=.. max-tx-rate=..
 * min-tx-rate=.. vlan=.. qos=../></vfs>}). libvirt carries a domain's metadata along in a migration, so the destination
 * knows what to give the VF it plugs; detach forgets it.
 */
public final class VfPolicies {
    /** The metadata namespace of the policy record. */
    public static final String NAMESPACE = "https://passthru.io/xmlns/vf-policy/1";
    static final String PREFIX = "passthru-vf";

    /**
     * What was done with a VF's policy on a host.
     *
     * @param pf       the PF's netdev
     * @param index    the VF's index on the PF
     * @param driver   the PF's driver
     * @param policy   what was set (or cleared)
     * @param applied  true when passthru ran the commands (this machine), false when they are for the host's operator
     * @param commands the ip-link commands, one line each
     */
    public record Applied(String pf, int index, String driver, VfPolicy policy, boolean applied,
                          List<String> commands) {
        /** The same with {@code pf}, {@code index} and {@code driver} of {@code t}. */
        Applied(Target t, VfPolicy policy, boolean applied, List<String> commands) {
            this(t.pf(), t.index(), t.driver(), policy, applied, commands);
        }

        /** One line for the CLI. */
        public String describe(String verb) {
            return applied ? "VF policy " + verb + " on " + pf + " vf " + index + " (" + policy.describe() + ")"
                    : "VF policy not " + verb + ": the host is not this machine; on the host run: "
                    + String.join(" && ", commands);
        }
    }

    /** The PF side of a VF: its PF's netdev and driver, and the VF's index there. */
    record Target(PciAddress vf, PciAddress pfAddress, String pf, String driver, int index) {
    }

    private VfPolicies() {
    }

    /**
     * The PF netdev, driver and index of {@code vf}.
     *
     * @throws InvalidRequestException when {@code vf} is not a VF of {@code hostUri}, or its PF has no netdev
     */
    static Target target(String hostUri, Inventory inv, PciAddress vf) {
        Inventory.Vf v = inv.vf(vf).orElseThrow(() -> new InvalidRequestException(vf + " is not an SR-IOV VF on "
                + hostUri + " (passthru list-vfs --connect " + hostUri + " lists them)"));
        Inventory.Pf pf = inv.pf(v.pf()).orElseThrow();
        if (pf.netInterface() == null) {
            throw new InvalidRequestException("PF " + pf.address() + " of VF " + vf + " has no network interface on "
                    + hostUri + ": a VF's spoof checking, link state, rates and VLAN QoS are set through the PF's "
                    + "netdev; bind its driver first. Nothing was changed");
        }
        return new Target(vf, pf.address(), pf.netInterface(), pf.driver(), VfTrust.index(pf, vf));
    }

    /**
     * Refuses, changing nothing, a policy that the PF driver of {@code vf} cannot set.
     *
     * @throws InvalidRequestException naming the driver and the settings ({@link VfPolicy#requireSupportedBy})
     */
    public static void check(String hostUri, Inventory inv, PciAddress vf, VfPolicy policy) {
        if (!policy.isEmpty()) {
            Target t = target(hostUri, inv, vf);
            policy.requireSupportedBy(t.driver(), t.pfAddress());
        }
    }

    /**
     * Sets {@code policy} on VF {@code vf} of {@code hostUri}: on this machine by running the commands and reading
     * the VF back; otherwise returns them for the host.
     *
     * @throws InvalidRequestException when the PF's driver lacks a setting (nothing was changed)
     * @throws PassthruException       when ip fails or the PF does not show a setting afterwards; what this policy
     *                                 had set is then undone (the error names the setting and the driver)
     */
    public static Applied apply(String hostUri, Inventory inv, PciAddress vf, VfPolicy policy) {
        Target t = target(hostUri, inv, vf);
        policy.requireSupportedBy(t.driver(), t.pfAddress());
        List<String> lines = policy.commands(t.pf(), t.index()).stream().map(c -> String.join(" ", c)).toList();
        if (!VfTrust.onThisMachine(hostUri)) {
            return new Applied(t, policy, false, lines);
        }
        List<VfPolicy.Setting> settings = policy.settings();
        List<List<String>> cmds = policy.commands(t.pf(), t.index());
        for (int i = 0; i < cmds.size(); i++) {
            try {
                VfTrust.run(cmds.get(i), VfTrust.IP_LIMIT);
            } catch (PassthruException e) {
                PassthruException refused = new PassthruException("the PF " + t.pfAddress() + "'s driver "
                        + t.driver() + " refused " + settings.get(i).what() + " [" + settings.get(i).option() + "] for "
                        + "VF " + t.index() + " (" + e.getMessage() + "); what this policy had set was undone", e);
                undo(t, policy, refused);
                throw refused;
            }
        }
        VfPolicy actual = read(t);
        List<VfPolicy.Setting> missing = policy.notShownBy(actual);
        if (!missing.isEmpty()) {
            PassthruException e = new PassthruException("ip-link set " + policy.describe() + " on " + t.pf() + " vf "
                    + t.index() + " (driver " + t.driver() + ") but the PF reports " + actual.describe() + ": "
                    + missing.stream().map(VfPolicy.Setting::what).toList() + " did not take; undone");
            undo(t, policy, e);
            throw e;
        }
        return new Applied(t, policy, true, lines);
    }

    /**
     * Gives {@code policy} to the VF {@code vf} just attached to {@code dom} with {@code mac}: records it with the
     * domain and, when the domain runs, sets it on the host ({@link #apply}). A domain that is not running gets the
     * record only: libvirt resets a VF's VLAN QoS whenever it starts a domain, so {@code passthru start}
     * ({@link DomainStarter}) sets the policy after each start. A failure forgets the record again (apply has undone
     * its settings) and propagates: the caller detaches the VF.
     *
     * @return what was set on the host; null when the domain is not running or the policy is empty
     * @throws InvalidRequestException when the PF's driver lacks a setting
     * @throws PassthruException       when libvirt reports no MAC, or ip fails or does not show a setting
     */
    public static Applied giveToAttached(Host host, org.libvirt.Domain dom, PciAddress vf, String mac,
                                         VfPolicy policy) {
        if (policy == null || policy.isEmpty()) {
            return null;
        }
        if (mac == null) {
            throw new PassthruException("libvirt reports no MAC for VF " + vf + " of '" + Host.name(dom) + "': its "
                    + "policy is recorded by MAC");
        }
        record(dom, mac, policy);
        if (!Host.isActive(dom)) {
            return null;
        }
        try {
            return apply(host.uri(), Inventory.scan(host), vf, policy);
        } catch (RuntimeException e) {
            try {
                forget(dom, mac);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    /**
     * The VFs among {@code vfs} whose PF driver has every setting of its policy; when none has, the refusal of the
     * first ({@link #check}), which names its driver and settings.
     *
     * @param policies the policy of each VF (absent or empty: any VF fits)
     * @throws InvalidRequestException when {@code vfs} is not empty and no VF fits
     */
    static List<PciAddress> fitting(String hostUri, Inventory inv, List<PciAddress> vfs,
                                    Map<PciAddress, VfPolicy> policies) {
        List<PciAddress> fit = new java.util.ArrayList<>();
        InvalidRequestException first = null;
        for (PciAddress vf : vfs) {
            try {
                check(hostUri, inv, vf, policies.getOrDefault(vf, VfPolicy.NONE));
                fit.add(vf);
            } catch (InvalidRequestException e) {
                first = first == null ? e : first;
            }
        }
        if (fit.isEmpty() && first != null) {
            throw first;
        }
        return fit;
    }

    /**
     * Gives back the defaults of what {@code policy} set on {@code vf} ({@link VfPolicy#clearCommands}), as Nova
     * clears a VF's trust when the port is unbound: the next user of the VF starts from the defaults.
     *
     * @throws PassthruException when ip fails on this machine
     */
    public static Applied clear(String hostUri, Inventory inv, PciAddress vf, VfPolicy policy) {
        Target t = target(hostUri, inv, vf);
        List<List<String>> cmds = policy.clearCommands(t.pf(), t.index());
        List<String> lines = cmds.stream().map(c -> String.join(" ", c)).toList();
        if (VfTrust.onThisMachine(hostUri)) {
            for (List<String> c : cmds) {
                VfTrust.run(c, VfTrust.IP_LIMIT);
            }
        }
        return new Applied(t, policy, VfTrust.onThisMachine(hostUri), lines);
    }

    private static void undo(Target t, VfPolicy policy, Exception cause) {
        for (List<String> c : policy.clearCommands(t.pf(), t.index())) {
            try {
                VfTrust.run(c, VfTrust.IP_LIMIT);
            } catch (PassthruException e) {
                cause.addSuppressed(e); // a default this driver does not take either (it refused the setting)
            }
        }
    }

    /** The VF's settings as the PF reports them ({@code ip -j -d link show dev PF}). */
    static VfPolicy read(Target t) {
        String out = VfTrust.run(List.of("ip", "-j", "-d", "link", "show", "dev", t.pf()), VfTrust.IP_LIMIT);
        return VfPolicy.readFrom(out, t.index()).orElseThrow(() -> new PassthruException(t.pf() + " does not list "
                + "VF " + t.index() + " in 'ip -j -d link show'"));
    }

    /**
     * Every VF's policy of the PF {@code pfNetdev} on this machine, by VF index, as ip reports it (for list-vfs).
     *
     * @throws PassthruException when ip fails
     */
    public static Map<Integer, VfPolicy> readAll(String pfNetdev, int vfCount) {
        String out = VfTrust.run(List.of("ip", "-j", "-d", "link", "show", "dev", pfNetdev), VfTrust.IP_LIMIT);
        Map<Integer, VfPolicy> all = new LinkedHashMap<>();
        for (int i = 0; i < vfCount; i++) {
            int index = i;
            VfPolicy.readFrom(out, i).ifPresent(p -> all.put(index, p));
        }
        return all;
    }

    // ---- the record in the domain's metadata ----

    /** The recorded policies of the domain's VFs, by MAC (lower case); empty when none. */
    public static Map<String, VfPolicy> recorded(org.libvirt.Domain dom) {
        return Domains.elementMetadata(dom, NAMESPACE, Domains.AFFECT_CURRENT, "read the VF policies of '"
                + Host.name(dom) + "'").map(VfPolicies::parse).orElseGet(LinkedHashMap::new);
    }

    /** Records {@code policy} for the VF with {@code mac} (replacing one recorded for it), live and persistent. */
    public static void record(org.libvirt.Domain dom, String mac, VfPolicy policy) {
        Map<String, VfPolicy> all = recorded(dom);
        all.put(mac.toLowerCase(java.util.Locale.ROOT), policy);
        write(dom, all);
    }

    /** Forgets the policy of the VF with {@code mac}; nothing when none was recorded. */
    public static void forget(org.libvirt.Domain dom, String mac) {
        Map<String, VfPolicy> all = recorded(dom);
        if (all.remove(mac.toLowerCase(java.util.Locale.ROOT)) != null) {
            write(dom, all);
        }
    }

    private static void write(org.libvirt.Domain dom, Map<String, VfPolicy> all) {
        String xml = all.isEmpty() ? null : format(all);
        int flags = (Host.isActive(dom) ? Domains.AFFECT_LIVE : 0) | (Host.isPersistent(dom) ? Domains.AFFECT_CONFIG
                : 0);
        Domains.setElementMetadata(dom, xml, xml == null ? null : PREFIX, NAMESPACE, flags == 0
                ? Domains.AFFECT_CURRENT : flags, "record the VF policies of '" + Host.name(dom) + "'");
    }

    /**
     * The record as the element a domain definition carries in its {@code <metadata>} (namespace
     * {@value #NAMESPACE}, prefix {@value #PREFIX}), as {@link #record} would leave it; for {@code define}, which
     * writes it with the definition itself.
     */
    public static String metadataElement(Map<String, VfPolicy> all) {
        Map<String, VfPolicy> lower = new LinkedHashMap<>();
        all.forEach((mac, p) -> lower.put(mac.toLowerCase(java.util.Locale.ROOT), p));
        return format(lower).replaceFirst("^<vfs>", "<" + PREFIX + ":vfs xmlns:" + PREFIX + "='" + NAMESPACE + "'>")
                .replaceFirst("</vfs>$", "</" + PREFIX + ":vfs>");
    }

    /** The record's XML: {@code <vfs>} with one {@code <vf>} per MAC (attributes only for the settings given). */
    static String format(Map<String, VfPolicy> all) {
        StringBuilder b = new StringBuilder("<vfs>");
        all.forEach((mac, p) -> {
            b.append("<vf mac='").append(mac).append('\'');
            attr(b, "spoofchk", p.spoofChecking() == null ? null : p.spoofChecking() ? "on" : "off");
            attr(b, "link-state", p.linkState() == null ? null : p.linkState().word());
            attr(b, "max-tx-rate", p.maxTxRateMbps());
            attr(b, "min-tx-rate", p.minTxRateMbps());
            attr(b, "vlan", p.vlan());
            attr(b, "qos", p.qos());
            b.append("/>");
        });
        return b.append("</vfs>").toString();
    }

    private static void attr(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(' ').append(name).append("='").append(value).append('\'');
        }
    }

    /** Reads {@link #format}'s XML (with or without libvirt's namespace prefix). */
    static Map<String, VfPolicy> parse(String xml) {
        Map<String, VfPolicy> all = new LinkedHashMap<>();
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)))
                    .getDocumentElement();
            NodeList vfs = root.getElementsByTagNameNS("*", "vf");
            for (int i = 0; i < vfs.getLength(); i++) {
                Element e = (Element) vfs.item(i);
                String spoof = e.getAttribute("spoofchk");
                String state = e.getAttribute("link-state");
                all.put(e.getAttribute("mac").toLowerCase(java.util.Locale.ROOT), new VfPolicy(
                        spoof.isEmpty() ? null : spoof.equals("on"),
                        state.isEmpty() ? null : VfPolicy.LinkState.of(state),
                        integer(e, "max-tx-rate"), integer(e, "min-tx-rate"), integer(e, "vlan"), integer(e, "qos")));
            }
            return all;
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException | java.io.IOException
                 | NumberFormatException e) {
            throw new PassthruException("the VF policy record in the domain's metadata (" + NAMESPACE + ") cannot "
                    + "be read: " + e.getMessage() + ": " + xml, e);
        }
    }

    private static Integer integer(Element e, String name) {
        String v = e.getAttribute(name);
        return v.isEmpty() ? null : Integer.valueOf(v);
    }
}
