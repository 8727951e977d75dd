package io.passthru.manager.pool;

import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.xml.PciAddress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses devices for a request among an alias's {@link Candidate}s. Pure and deterministic: same input, same
 * order. It does not reserve anything; the caller attaches in order and, when libvirt reports a device in use,
 * tries the next one (libvirt is the arbiter between concurrent requests).
 *
 * <h2>Acceptable devices</h2>
 * Free candidates ({@link Candidate#free()}) whose NUMA node passes the request's {@link NumaPolicy} (Nova doc
 * "PCI passthrough", "PCI NUMA affinity policies"), given the host NUMA nodes the guest runs on:
 * <ul>
 *   <li>{@code required}: device node is one of the guest's; devices without NUMA information are refused;</li>
 *   <li>{@code legacy}: device node is one of the guest's, or the device reports no node;</li>
 *   <li>{@code preferred}: any device;</li>
 *   <li>{@code socket}: the device's node is on the same host socket as one of the guest's nodes (from the
 *       host's node → socket map); devices without NUMA information are refused.</li>
 * </ul>
 * A guest without NUMA placement (empty set of guest nodes) has no affinity to honour: every free candidate is
 * acceptable, as in Nova where PCI NUMA filtering applies only to instances with a NUMA topology.
 *
 * <h2>Preference order</h2>
 * <ol>
 *   <li>NUMA tier: device on a guest node; then (socket) same socket, (legacy/preferred) no NUMA information;
 *       then (preferred) another node;</li>
 *   <li>group policy {@code none}: pack. PFs whose VFs are already most used come first (ties by PF address),
 *       then VF address within the PF. Packing keeps whole PFs free for {@code type-PF} requests and keeps a
 *       multi-device request on one PF;</li>
 *   <li>group policy {@code isolate}: round-robin over PFs (the pack order of PFs): first free device of each PF,
 *       then the second of each, ... so the first {@code count} picks come from different PFs when possible.</li>
 * </ol>
 */
public final class Allocator {
    /** How the devices of one request relate to each other. */
    public enum GroupPolicy {
        /** No constraint. */
        NONE,
        /** Every device from a different PF (distinct failure domains / uplinks). */
        ISOLATE
    }

    /**
     * What the guest asks for.
     *
     * @param alias       alias name, for messages
     * @param count       number of devices, at least 1
     * @param groupPolicy group policy
     * @param numaPolicy  NUMA policy: the alias's, or a flavor's {@code hw:pci_numa_affinity_policy} override
     */
    public record Request(String alias, int count, GroupPolicy groupPolicy, NumaPolicy numaPolicy) {
        public Request {
            Objects.requireNonNull(alias, "alias");
            Objects.requireNonNull(groupPolicy, "groupPolicy");
            Objects.requireNonNull(numaPolicy, "numaPolicy");
            if (count < 1) {
                throw new InvalidRequestException("request for alias " + alias + ": count must be at least 1, got "
                        + count);
            }
        }

        /** A request with the alias's own NUMA policy. */
        public static Request of(PciAlias alias, int count, GroupPolicy groupPolicy) {
            return new Request(alias.name(), count, groupPolicy, alias.numaPolicy());
        }
    }

    private Allocator() {
    }

    /**
     * All acceptable candidates in preference order (see class doc).
     *
     * @param request         what to allocate
     * @param candidates      the alias's candidates ({@link DevicePool#candidates}), used ones included
     * @param guestNumaNodes  host NUMA nodes the guest's memory/vCPUs are on; empty when the guest has no NUMA
     *                        placement
     * @param hostNumaSockets host NUMA node → socket id; needed (non-empty) only for {@code socket}
     * @return at least {@code request.count()} devices; for {@code isolate} they span at least {@code count} PFs
     * @throws NoFreeDeviceException   "no free device for alias NAME: ..." with the counts (candidates, used,
     *                                 refused by NUMA policy, PFs) that explain why
     * @throws InvalidRequestException {@code socket} policy without socket information for the guest's nodes
     */
    public static List<Candidate> choose(Request request, Collection<Candidate> candidates,
                                         Set<Integer> guestNumaNodes, Map<Integer, Integer> hostNumaSockets) {
        Set<Integer> guest = guestNumaNodes == null ? Set.of() : guestNumaNodes;
        Map<Integer, Integer> sockets = hostNumaSockets == null ? Map.of() : hostNumaSockets;
        List<Candidate> all = candidates.stream().sorted(Comparator.comparing(Candidate::address)).toList();
        Set<Integer> guestSockets = new TreeSet<>();
        if (request.numaPolicy() == NumaPolicy.SOCKET && !guest.isEmpty()) {
            for (Integer n : guest) {
                Integer s = sockets.get(n);
                if (s == null) {
                    throw new InvalidRequestException("numa_policy socket for alias " + request.alias()
                            + " needs the host socket of every guest NUMA node; node " + n + " is not in the host's "
                            + "node->socket map " + sockets);
                }
                guestSockets.add(s);
            }
        }

        Map<PciAddress, Integer> usedPerPf = new HashMap<>();
        for (Candidate c : all) {
            if (!c.free()) {
                usedPerPf.merge(c.pf(), 1, Integer::sum);
            }
        }
        List<Candidate> free = all.stream().filter(Candidate::free).toList();
        List<Candidate> acceptable = new ArrayList<>();
        Map<Candidate, Integer> tier = new HashMap<>();
        int noInfo = 0;
        Set<Integer> refusedNodes = new TreeSet<>();
        for (Candidate c : free) {
            Integer t = tier(request.numaPolicy(), c.numaNode(), guest, guestSockets, sockets);
            if (t == null) {
                if (c.numaNode() == null) {
                    noInfo++;
                } else {
                    refusedNodes.add(c.numaNode());
                }
                continue;
            }
            tier.put(c, t);
            acceptable.add(c);
        }

        // PF order: most used first (pack), then address
        Comparator<PciAddress> pfOrder = Comparator.<PciAddress>comparingInt(p -> -usedPerPf.getOrDefault(p, 0))
                .thenComparing(Comparator.naturalOrder());
        Map<PciAddress, Integer> rankInPf = new HashMap<>();
        if (request.groupPolicy() == GroupPolicy.ISOLATE) {
            Map<String, Integer> seen = new HashMap<>();
            Comparator<Candidate> byTier = Comparator.comparing(tier::get);
            for (Candidate c : acceptable.stream().sorted(byTier.thenComparing(Candidate::pf, pfOrder)
                    .thenComparing(Candidate::address)).toList()) {
                rankInPf.put(c.address(), seen.merge(tier.get(c) + "/" + c.pf(), 1, Integer::sum));
            }
        }
        Comparator<Candidate> order = Comparator.comparing(tier::get);
        if (request.groupPolicy() == GroupPolicy.ISOLATE) {
            order = order.thenComparing(c -> rankInPf.get(c.address()));
        }
        order = order.thenComparing(Candidate::pf, pfOrder).thenComparing(Candidate::address);
        List<Candidate> sorted = acceptable.stream().sorted(order).toList();

        String why = null;
        if (sorted.size() < request.count()) {
            StringBuilder b = new StringBuilder();
            b.append(all.size()).append(" candidate(s) allowed by device_spec, ")
                    .append(all.size() - free.size()).append(" in use, ").append(free.size()).append(" free");
            if (acceptable.size() < free.size()) {
                b.append("; numa_policy ").append(request.numaPolicy()).append(" refused ")
                        .append(free.size() - acceptable.size()).append(" (");
                List<String> parts = new ArrayList<>();
                if (!refusedNodes.isEmpty()) {
                    parts.add("on host NUMA node(s) " + refusedNodes + (request.numaPolicy() == NumaPolicy.SOCKET
                            ? " of other sockets than the guest's " + guestSockets : "") + ", guest on " + guest);
                }
                if (noInfo > 0) {
                    parts.add(noInfo + " without NUMA information");
                }
                b.append(String.join("; ", parts)).append(')');
            }
            b.append("; ").append(request.count()).append(" requested");
            why = b.toString();
        } else if (request.groupPolicy() == GroupPolicy.ISOLATE) {
            Set<PciAddress> pfs = new TreeSet<>();
            sorted.forEach(c -> pfs.add(c.pf()));
            if (pfs.size() < request.count()) {
                why = "group policy isolate needs " + request.count() + " devices on different PFs but the "
                        + sorted.size() + " acceptable device(s) are on " + pfs.size() + " PF(s) " + pfs;
            }
        }
        if (why != null) {
            throw new NoFreeDeviceException("no free device for alias " + request.alias() + ": " + why);
        }
        return sorted;
    }

    /**
     * The first {@code count} devices of {@code ordered} (as returned by {@link #choose}) that are not in
     * {@code exclude} (e.g. devices libvirt reported in use), keeping {@code isolate} (at most one per PF).
     *
     * @throws NoFreeDeviceException when fewer than {@code count} remain
     */
    public static List<Candidate> select(Request request, List<Candidate> ordered, Set<PciAddress> exclude) {
        Set<PciAddress> skip = exclude == null ? Set.of() : exclude;
        List<Candidate> picks = new ArrayList<>();
        Set<PciAddress> pfs = new HashSet<>();
        for (Candidate c : ordered) {
            if (picks.size() == request.count()) {
                break;
            }
            if (skip.contains(c.address())) {
                continue;
            }
            if (request.groupPolicy() == GroupPolicy.ISOLATE && !pfs.add(c.pf())) {
                continue;
            }
            picks.add(c);
        }
        if (picks.size() < request.count()) {
            Set<PciAddress> pfSet = new LinkedHashSet<>();
            ordered.stream().filter(c -> !skip.contains(c.address())).forEach(c -> pfSet.add(c.pf()));
            throw new NoFreeDeviceException("no free device for alias " + request.alias() + ": " + request.count()
                    + " requested, " + picks.size() + " left after excluding " + skip.size() + " device(s) in use"
                    + (request.groupPolicy() == GroupPolicy.ISOLATE ? " (isolate: one per PF, " + pfSet.size()
                    + " PF(s) left)" : ""));
        }
        return List.copyOf(picks);
    }

    /**
     * How {@code policy} ranks a device on host NUMA node {@code node} (null: the host reports none) for a guest on
     * host nodes {@code guest} (empty: no placement, every device passes): 0 on one of the guest's nodes, 1 or 2
     * elsewhere where the policy allows it (Nova doc "PCI passthrough", numa_policy), null when it refuses it.
     * {@code sockets}: host node → socket id, for {@code socket}.
     */
    public static Integer numaTier(NumaPolicy policy, Integer node, Set<Integer> guest, Map<Integer, Integer> sockets) {
        Set<Integer> guestSockets = new TreeSet<>();
        for (Integer n : guest) {
            if (sockets.get(n) != null) {
                guestSockets.add(sockets.get(n));
            }
        }
        return tier(policy, node, guest, guestSockets, sockets);
    }

    /** NUMA tier (0 best) or null when the policy refuses the device. */
    private static Integer tier(NumaPolicy policy, Integer node, Set<Integer> guest, Set<Integer> guestSockets,
                                Map<Integer, Integer> sockets) {
        if (guest.isEmpty()) {
            return 0;
        }
        boolean local = node != null && guest.contains(node);
        if (local) {
            return 0;
        }
        return switch (policy) {
            case REQUIRED -> null;
            case LEGACY -> node == null ? 1 : null;
            case PREFERRED -> node == null ? 1 : 2;
            case SOCKET -> node != null && sockets.get(node) != null && guestSockets.contains(sockets.get(node))
                    ? 1 : null;
        };
    }
}
