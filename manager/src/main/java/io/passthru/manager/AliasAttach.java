package io.passthru.manager;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.LibvirtCallException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.pool.Allocator;
import io.passthru.manager.pool.Candidate;
import io.passthru.manager.pool.DeviceType;
import io.passthru.manager.pool.DevicePool;
import io.passthru.manager.pool.PciAlias;
import io.passthru.xml.PciAddress;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code attach --alias NAME[:COUNT]}: picks devices (VFs, PFs or plain PCI devices, by the alias's
 * {@code device_type}) by a Nova alias from the device pool ({@link DevicePool}), in the
 * order of {@link Allocator} (NUMA and group policy), and hot-plugs them. Race-free without a lock of its own:
 * libvirt is the arbiter. A VF another request took first (seen in use by libvirt, or already in a domain) is
 * skipped and the next acceptable one tried; when none is left the request fails with "no free device for alias"
 * and the VFs it had attached are detached again. A VF gets its device_spec entry's VLAN id through libvirt and the
 * entry's VF policy tags ({@code spoofchk}, {@code link_state}, {@code max_tx_rate}, {@code min_tx_rate},
 * {@code vlan_qos}) through {@link VfPolicies}; a VF whose PF driver lacks one of them is not offered.
 */
public final class AliasAttach {
    /** Told about each device before libvirt is asked to attach it, and after it was attached (a journal). */
    public interface Listener {
        void beforeAttach(PassthroughDevice device);

        void afterAttach(Hotplug.AttachResult result);
    }

    private final Hotplug hotplug;
    private final Listener listener;
    private final List<VfPolicies.Applied> policies = new ArrayList<>();

    public AliasAttach(Hotplug hotplug) {
        this(hotplug, null);
    }

    /** With {@code listener} (may be null). */
    public AliasAttach(Hotplug hotplug, Listener listener) {
        this.hotplug = hotplug;
        this.listener = listener;
    }

    /**
     * @throws NoFreeDeviceException "no free device for alias NAME ..." when fewer than {@code count} VFs could be had
     */
    public List<Hotplug.AttachResult> attach(Host host, String domain, DevicePool pool, String aliasName, int count,
                                             Allocator.GroupPolicy groupPolicy) {
        List<PciAlias> aliases = pool.alias(aliasName);
        if (aliases.isEmpty()) {
            throw new InvalidRequestException("no alias '" + aliasName + "' in the device pool (aliases: "
                    + pool.aliases().stream().map(PciAlias::name).distinct().toList() + ")");
        }
        org.libvirt.Domain dom = host.domain(domain);
        Inventory inv = Inventory.scan(host);
        pool.validate(inv);
        Allocator.Request req = Allocator.Request.of(aliases.get(0), count, groupPolicy);
        // the rules of attach per candidate (PF/VF exclusivity, IOMMU groups): a refused device is not offered
        List<Candidate> allowed = policyFits(host.uri(), inv, pool.candidates(aliasName, inv).stream()
                .filter(c -> AssignmentRules.allows(inv, domain, device(c))).toList());
        List<Candidate> ordered = Allocator.choose(req, allowed, guestNumaNodes(Host.xml(dom, false)),
                hostNumaSockets(host));
        Set<PciAddress> lost = new HashSet<>();
        List<Hotplug.AttachResult> done = new ArrayList<>();
        Set<PciAddress> donePfs = new HashSet<>();
        try {
            while (done.size() < count) {
                Set<PciAddress> taken = union(lost, done);
                List<Candidate> remaining = ordered.stream().filter(c -> !taken.contains(c.address()))
                        .filter(c -> groupPolicy != Allocator.GroupPolicy.ISOLATE || !donePfs.contains(c.pf()))
                        .toList();
                Candidate next;
                try {
                    next = Allocator.select(new Allocator.Request(aliasName, count - done.size(), groupPolicy,
                            req.numaPolicy()), remaining, Set.of()).get(0);
                } catch (NoFreeDeviceException e) {
                    throw new NoFreeDeviceException("no free device for alias " + aliasName + " on " + host.uri()
                            + ": " + ordered.size() + " acceptable VF(s), " + done.size() + " attached by this "
                            + "request, " + lost.size() + " taken by other requests meanwhile");
                }
                try {
                    PassthroughDevice dev = device(next);
                    if (listener != null) {
                        listener.beforeAttach(dev);
                    }
                    Hotplug.AttachResult r = hotplug.attach(host, domain, dev, inv);
                    done.add(r);
                    donePfs.add(next.pf());
                    if (listener != null) {
                        listener.afterAttach(r);
                    }
                    if (next.type() == DeviceType.VF) {
                        // the device_spec's policy tags, as attach --vf's options: a failure detaches it (below)
                        VfPolicies.Applied set = VfPolicies.giveToAttached(host, dom, r.vf(), r.mac(),
                                VfPolicy.of(next.spec()));
                        if (set != null) {
                            policies.add(set);
                        }
                    }
                } catch (InvalidRequestException | LibvirtCallException e) {
                    if (!lostRace(e)) {
                        throw e;
                    }
                    lost.add(next.address());
                }
            }
            return done;
        } catch (RuntimeException e) {
            for (Hotplug.AttachResult r : done) {
                try {
                    if (ordered.stream().anyMatch(c -> c.address().equals(r.vf()) && c.type() == DeviceType.VF)) {
                        hotplug.detachVf(host, domain, r.vf());
                    } else {
                        hotplug.detachPci(host, domain, r.vf());
                    }
                } catch (RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    /**
     * The device to attach for a candidate: a VF as an interface (trusted when its device_spec entry says
     * {@code "trusted": "true"}, as Nova sets {@code trustGuestRxFilters}; with the entry's {@code vlan}), a PF or
     * plain PCI device as a hostdev.
     */
    static PassthroughDevice device(Candidate c) {
        return c.type() == DeviceType.VF ? new PassthroughDevice.Vf(c.address(), null, c.vlan(), c.trusted())
                : new PassthroughDevice.Hostdev(c.address(), c.type());
    }

    /**
     * The candidates whose VF policy (their device_spec entry's tags, {@link VfPolicy#of}) their PF's driver can
     * set; PFs and plain PCI devices always fit. When no candidate fits, the refusal names the first one's driver
     * and settings: nothing was changed.
     *
     * @throws InvalidRequestException when {@code candidates} has VFs and none fits
     */
    static List<Candidate> policyFits(String hostUri, Inventory inv, List<Candidate> candidates) {
        Map<PciAddress, VfPolicy> policies = new HashMap<>();
        candidates.stream().filter(c -> c.type() == DeviceType.VF)
                .forEach(c -> policies.put(c.address(), VfPolicy.of(c.spec())));
        if (policies.values().stream().allMatch(VfPolicy::isEmpty)) {
            return candidates;
        }
        Set<PciAddress> fit = new HashSet<>(VfPolicies.fitting(hostUri, inv,
                candidates.stream().map(Candidate::address).filter(policies::containsKey).toList(), policies));
        return candidates.stream().filter(c -> c.type() != DeviceType.VF || fit.contains(c.address())).toList();
    }

    /** What the device_spec's VF policy tags set on the host for the VFs attached (empty: none, or not running). */
    public List<VfPolicies.Applied> policies() {
        return List.copyOf(policies);
    }

    /**
     * Another request got the VF first: libvirt's "PCI device ... is in use by driver QEMU, domain X" (other domain)
     * or "Hostdev already exists in the domain configuration" (same domain), or our own pre-check seeing it used.
     */
    static boolean lostRace(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("in use") || m.contains("already used by") || m.contains("already exists");
    }

    private static Set<PciAddress> union(Set<PciAddress> lost, List<Hotplug.AttachResult> done) {
        Set<PciAddress> s = new HashSet<>(lost);
        done.forEach(d -> s.add(d.vf()));
        return s;
    }

    /** Host NUMA nodes of the guest's memory: {@code <numatune><memory nodeset=.../>}; empty without placement. */
    static Set<Integer> guestNumaNodes(String domainXml) {
        String nodeset = xpathString(domainXml, "/domain/numatune/memory/@nodeset");
        return nodeset == null || nodeset.isBlank() ? Set.of() : parseNodeset(nodeset);
    }

    /** libvirt nodeset syntax: "0-2,4,^1" (ranges, singles, exclusions). */
    static Set<Integer> parseNodeset(String nodeset) {
        Set<Integer> in = new TreeSet<>();
        Set<Integer> out = new HashSet<>();
        for (String part : nodeset.split(",")) {
            String p = part.trim();
            boolean exclude = p.startsWith("^");
            if (exclude) {
                p = p.substring(1);
            }
            int dash = p.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
            int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1));
            for (int i = lo; i <= hi; i++) {
                (exclude ? out : in).add(i);
            }
        }
        in.removeAll(out);
        return in;
    }

    /** One CPU of a host NUMA cell in the capabilities' topology: its id and its socket (null when not reported). */
    record CellCpu(int id, Integer socket) {
    }

    /**
     * The host's NUMA cells from its capabilities' topology ({@code /capabilities/host/topology/cells/cell}): node →
     * its CPUs in document order; empty when the host reports none or its capabilities cannot be read.
     */
    static Map<Integer, List<CellCpu>> hostNumaCells(Host host) {
        Map<Integer, List<CellCpu>> out = new java.util.TreeMap<>();
        try {
            Document doc = parse(host.capabilities());
            NodeList cells = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate("/capabilities/host/topology/cells/cell", doc, XPathConstants.NODESET);
            for (int i = 0; i < cells.getLength(); i++) {
                org.w3c.dom.Element cell = (org.w3c.dom.Element) cells.item(i);
                NodeList cpus = cell.getElementsByTagName("cpu");
                List<CellCpu> list = new java.util.ArrayList<>();
                for (int c = 0; c < cpus.getLength(); c++) {
                    org.w3c.dom.Element cpu = (org.w3c.dom.Element) cpus.item(c);
                    String socket = cpu.getAttribute("socket_id");
                    list.add(new CellCpu(Integer.parseInt(cpu.getAttribute("id")),
                            socket.isEmpty() ? null : Integer.parseInt(socket)));
                }
                out.put(Integer.parseInt(cell.getAttribute("id")), list);
            }
        } catch (Exception e) {
            return Map.of();
        }
        return out;
    }

    /** NUMA node → socket id (its first CPU's {@code socket_id}), from {@link #hostNumaCells}. */
    static Map<Integer, Integer> hostNumaSockets(Host host) {
        Map<Integer, Integer> out = new HashMap<>();
        hostNumaCells(host).forEach((node, cpus) -> {
            if (!cpus.isEmpty() && cpus.get(0).socket() != null) {
                out.put(node, cpus.get(0).socket());
            }
        });
        return out;
    }

    /** NUMA node → its CPUs' ids, from {@link #hostNumaCells}. */
    static Map<Integer, List<Integer>> hostNumaCpus(Host host) {
        Map<Integer, List<Integer>> out = new java.util.TreeMap<>();
        hostNumaCells(host).forEach((node, cpus) -> out.put(node, cpus.stream().map(CellCpu::id).toList()));
        return out;
    }

    private static String xpathString(String xml, String expr) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(expr, parse(xml));
        } catch (Exception e) {
            return null;
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
