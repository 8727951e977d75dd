package io.passthru.manager;

import io.passthru.PassthruException;
import io.passthru.manager.error.DetachTimeoutException;
import io.passthru.manager.error.NoFreeDeviceException;
import io.passthru.manager.journal.Operation;
import io.passthru.manager.journal.OperationJournal;
import io.passthru.manager.libvirt.HostIdentity;
import io.passthru.manager.migration.Copies;
import io.passthru.manager.migration.CopyState;
import io.passthru.manager.migration.Side;
import io.passthru.manager.migration.Sighting;
import io.passthru.xml.PciAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two libvirt hosts and one guest in memory, for the migration engine's unit tests: each side's copy of the domain
 * ({@link CopyState}), the record in its metadata (kept as the journal's XML, so only what the journal writes
 * survives), the VF attached there, each host's free VFs, and the guest's bond ({@link GuestStrategyTest.FakeGuest}),
 * which lives in the running copy and follows it. A test makes one named action fail ({@link #failing}), or makes the
 * process die ({@link Crash}) before or after a journaled step.
 */
final class FakeLab implements Copies {
    static final PciAddress SRC_VF = PciAddress.parse("0000:01:10.0");
    static final PciAddress SRC_VF2 = PciAddress.parse("0000:01:10.2");
    static final PciAddress DST_VF = PciAddress.parse("0000:02:10.0");
    static final PciAddress DST_VF2 = PciAddress.parse("0000:02:10.2");
    /** A plain PCI device (an NVMe drive, say) the guest holds on the source, and its equivalents on each host. */
    static final PciAddress SRC_DEV = PciAddress.parse("0000:05:00.0");
    static final PciAddress DST_DEV = PciAddress.parse("0000:06:00.0");
    static final PciAddress DST_DEV2 = PciAddress.parse("0000:06:00.1");

    /** The process died here: not a {@link RuntimeException}, so no rollback catches it (as with SIGKILL). */
    static final class Crash extends Error {
        Crash(String where) {
            super("killed " + where);
        }
    }

    final Map<Side, CopyState> copies = new EnumMap<>(Side.class);
    final Map<Side, String> records = new EnumMap<>(Side.class);
    final Map<Side, PciAddress> attached = new EnumMap<>(Side.class);
    final Map<Side, List<PciAddress>> free = new EnumMap<>(Side.class);
    final Map<Side, Boolean> answers = new EnumMap<>(Side.class);
    /** The PCI devices (hotplug strategy) each host's copy holds, and each host's free ones. */
    final Map<Side, Set<PciAddress>> devices = new EnumMap<>(Side.class);
    final Map<Side, List<PciAddress>> freeDevices = new EnumMap<>(Side.class);
    /** What the guest's hooks were told, in order: "EVENT ADDRESS on SIDE". */
    final List<String> hooksTold = new ArrayList<>();
    /** The mdevs (UUIDs) the destination has. */
    final Set<String> destMdevs = new java.util.LinkedHashSet<>();
    String mirror;
    final GuestStrategyTest.FakeGuest guest = GuestStrategyTest.FakeGuest.healthy();
    final boolean hasVf;
    /** Actions that fail: unplug, plug-SIDE, migrate, migrate-lost-reply, ping-SIDE, find, switch, unenslave, ... */
    final Set<String> failing = new HashSet<>();
    /** Actions whose next runs meet the guest agent away (libvirt's "not connected"): one run per entry. */
    final List<String> agentAway = new ArrayList<>();
    /** Addresses the fake guest's pings never reach (every other one answers at once). */
    final Set<String> unreachable = new HashSet<>();
    final List<String> log = new ArrayList<>();
    private int netdevs;

    FakeLab(boolean hasVf) {
        this.hasVf = hasVf;
        copies.put(Side.SOURCE, CopyState.RUNNING);
        copies.put(Side.DESTINATION, CopyState.ABSENT);
        attached.put(Side.SOURCE, hasVf ? SRC_VF : null);
        free.put(Side.SOURCE, new ArrayList<>(List.of(SRC_VF2)));
        free.put(Side.DESTINATION, new ArrayList<>(List.of(DST_VF, DST_VF2)));
        answers.put(Side.SOURCE, true);
        answers.put(Side.DESTINATION, true);
        devices.put(Side.SOURCE, new HashSet<>());
        devices.put(Side.DESTINATION, new HashSet<>());
        freeDevices.put(Side.SOURCE, new ArrayList<>());
        freeDevices.put(Side.DESTINATION, new ArrayList<>(List.of(DST_DEV, DST_DEV2)));
        if (!hasVf) {
            guest.slaves.remove(GuestStrategyTest.VF);
            guest.linkOfMac.clear();
            guest.active = GuestStrategyTest.BACKUP;
        }
    }

    void fail(String action) {
        if (agentAway.remove(action)) {
            throw new io.passthru.agent.AgentUnavailableException("fake: QEMU guest agent is not connected", null,
                    io.passthru.manager.libvirt.LibvirtErrors.VIR_ERR_AGENT_UNRESPONSIVE);
        }
        if (failing.contains(action)) {
            throw new PassthruException("fake: " + action + " failed");
        }
    }

    /** The side whose copy runs the guest (the guest's bond lives there), or null. */
    Side running() {
        Side r = null;
        for (Side s : Side.values()) {
            if (copies.get(s) == CopyState.RUNNING) {
                if (r != null) {
                    throw new AssertionError("the guest runs on both hosts: " + copies);
                }
                r = s;
            }
        }
        return r;
    }

    /** The record as the domain on {@code side}, else the mirror, holds it (what {@code recover} finds). */
    Optional<Operation> record() {
        for (Side s : List.of(Side.DESTINATION, Side.SOURCE)) {
            if (records.get(s) != null) {
                return Optional.of(OperationJournal.fromXml(records.get(s)));
            }
        }
        return Optional.ofNullable(mirror).map(OperationJournal::fromXml);
    }

    MigrationSide side(Side side) {
        return new FakeSide(side);
    }

    // ---- Copies: what CopyResolver sees and does ----

    @Override
    public Sighting look(Side side) {
        CopyState s = answers.get(side) ? copies.get(side) : CopyState.UNREACHABLE;
        HostIdentity host = s == CopyState.UNREACHABLE ? null : new HostIdentity(null, "h-" + side.id);
        return new Sighting(side, "fake://" + side.id, s, host, s == CopyState.UNREACHABLE ? "no answer" : null);
    }

    @Override
    public void resume(Side side) {
        log.add("resume " + side.id);
        copies.put(side, CopyState.RUNNING);
    }

    @Override
    public void destroy(Side side) {
        log.add("destroy " + side.id);
        if (copies.get(side).live()) {
            copies.put(side, CopyState.SHUTOFF);
            release(side);
        }
    }

    @Override
    public void undefine(Side side) {
        log.add("undefine " + side.id);
        if (copies.get(side) == CopyState.SHUTOFF) {
            copies.put(side, CopyState.ABSENT);
            records.put(side, null);
        }
    }

    /** The guest holds {@link #SRC_DEV} on the source. */
    FakeLab withDevice() {
        devices.get(Side.SOURCE).add(SRC_DEV);
        return this;
    }

    /** A copy that stops gives its VF and devices back to its host. */
    private void release(Side side) {
        PciAddress vf = attached.put(side, null);
        if (vf != null) {
            free.get(side).add(vf);
        }
        freeDevices.get(side).addAll(devices.get(side));
        devices.get(side).clear();
    }

    /** The live migration: the destination runs, the source is undefined (or left paused when Confirm never ran). */
    MigrationSide migrate() {
        fail("migrate");
        log.add("migrate");
        copies.put(Side.DESTINATION, CopyState.RUNNING);
        records.put(Side.DESTINATION, null);
        if (failing.contains("migrate-lost-reply")) {
            copies.put(Side.SOURCE, CopyState.PAUSED); // Finish ran, its reply was lost, Confirm never ran
            throw new PassthruException("fake: end of file while reading data (the reply to Finish was lost)");
        }
        copies.put(Side.SOURCE, CopyState.ABSENT);
        records.put(Side.SOURCE, null);
        return side(Side.DESTINATION);
    }

    MigrationEngine.Transfer transfer() {
        return new MigrationEngine.Transfer() {
            @Override
            public MigrationSide migrate() {
                return FakeLab.this.migrate();
            }

            @Override
            public Copies copies() {
                return FakeLab.this;
            }

            @Override
            public MigrationSide destination() {
                return side(Side.DESTINATION);
            }

            @Override
            public void prepareMdev(Operation.Device d) {
                fail("prepare-mdev");
                log.add((d.mdevParent == null ? "restart mdev " : "create mdev ") + d.address);
                destMdevs.add(d.address);
            }

            @Override
            public void removeMdev(Operation.Device d) {
                if (d.mdevParent != null && destMdevs.remove(d.address)) {
                    log.add("remove mdev " + d.address);
                }
            }
        };
    }

    /** One host's view: its domain, record and VF; the guest only while the copy here runs. */
    final class FakeSide implements MigrationSide {
        final Side side;
        private long lastPlug;

        FakeSide(Side side) {
            this.side = side;
        }

        private void domainHere() {
            if (!answers.get(side)) {
                throw new PassthruException("fake: " + side.id + " does not answer");
            }
            if (copies.get(side) == CopyState.ABSENT) {
                throw new PassthruException("fake: no domain on the " + side.id);
            }
        }

        private GuestStrategyTest.FakeGuest guestHere() {
            domainHere();
            if (copies.get(side) != CopyState.RUNNING) {
                throw new PassthruException("fake: the guest agent on the " + side.id + " is not connected");
            }
            return guest;
        }

        @Override
        public String uri() {
            return "fake://" + side.id;
        }

        @Override
        public void write(Operation op) {
            domainHere();
            records.put(side, OperationJournal.toXml(op));
            mirror = OperationJournal.toXml(op);
        }

        @Override
        public void writeMirror(Operation op) {
            mirror = OperationJournal.toXml(op);
        }

        @Override
        public void clear(Operation op) {
            domainHere();
            records.put(side, null);
            mirror = null;
        }

        @Override
        public void unplugVf(PciAddress vf) {
            domainHere();
            fail("unplug");
            if (!vf.equals(attached.get(side))) {
                throw new PassthruException("fake: VF " + vf + " is not attached on the " + side.id);
            }
            if (failing.contains("unplug-timeout")) {
                throw new DetachTimeoutException("fake: the guest keeps VF " + vf);
            }
            release(side);
            String link = guest.linkOfMac.remove(GuestStrategyTest.MAC);
            guest.slaves.remove(link);
            if (link != null && link.equals(guest.active)) {
                guest.active = GuestStrategyTest.BACKUP; // the kernel's bond fails over to the other slave
            }
            log.add("unplug " + vf + " on " + side.id);
        }

        @Override
        public PciAddress plugVf(Operation op, List<PciAddress> preferred, boolean checked, boolean inGuest) {
            domainHere();
            lastPlug = 0;
            if (attached.get(side) != null) {
                return attached.get(side);
            }
            fail("plug-" + side.id);
            List<PciAddress> order = new ArrayList<>(preferred);
            free.get(side).stream().filter(v -> !order.contains(v)).forEach(order::add);
            PciAddress vf = order.stream().filter(free.get(side)::contains).findFirst().orElseThrow(() ->
                    new NoFreeDeviceException("fake: no free VF on the " + side.id));
            free.get(side).remove(vf);
            attached.put(side, vf);
            guest.linkOfMac.put(GuestStrategyTest.MAC, "eth" + (2 + netdevs++)); // a new netdev, outside the bond
            lastPlug = 7;
            log.add("plug " + vf + " on " + side.id);
            return vf;
        }

        @Override
        public long lastPlugLibvirtMs() {
            return lastPlug;
        }

        @Override
        public void announce(boolean arrived) {
            log.add("announce on " + side.id);
        }

        @Override
        public io.passthru.agent.GuestReachability.Announcement announceAddresses(String mac) {
            if (failing.contains("announce-addresses")) {
                return new io.passthru.agent.GuestReachability.Announcement(List.of(),
                        List.of("bond0 192.0.2.5: fake: arping failed"));
            }
            guestHere();
            log.add("announce addresses of " + mac + " on " + side.id);
            return new io.passthru.agent.GuestReachability.Announcement(List.of("bond0 192.0.2.5"), List.of());
        }

        @Override
        public io.passthru.agent.GuestReachability.TrafficCheck reach(String address, Duration limit) {
            guestHere();
            fail("reach");
            log.add("reach " + address + " from " + side.id);
            boolean answers = !unreachable.contains(address);
            return new io.passthru.agent.GuestReachability.TrafficCheck(address, answers,
                    answers ? 20 : limit.toMillis(), answers ? 1 : 4, answers ? "" : "fake: 100% packet loss");
        }

        @Override
        public void pingAgent(Duration limit) {
            guestHere();
            fail("ping-" + side.id);
        }

        @Override
        public boolean agentUsable(Duration limit) {
            return copies.get(side) == CopyState.RUNNING && answers.get(side);
        }

        @Override
        public String findVf(String mac, PciAddress vf) {
            guestHere();
            if (failing.contains("find")) {
                unplugVf(vf); // as the real one: the VF goes again, so the record and the domain agree
                throw new PassthruException("fake: the guest did not show a netdev with MAC " + mac);
            }
            return guest.vf(mac);
        }

        @Override
        public GuestStrategy.GuestBond guest() {
            GuestStrategyTest.FakeGuest g = guestHere();
            return new GuestStrategy.GuestBond() {
                @Override
                public void switchTo(String bond, String slave) {
                    fail("switch");
                    g.switchTo(bond, slave);
                }

                @Override
                public void activateVf(String mac, String bond) {
                    fail("activate");
                    g.activateVf(mac, bond);
                }

                @Override
                public void setManaged(String link, boolean managed) {
                    fail("managed");
                    g.setManaged(link, managed);
                }

                @Override
                public void unenslave(String bond, String link) {
                    fail("unenslave");
                    g.unenslave(bond, link);
                }

                @Override
                public String enslaveVf(String mac, String bond, boolean networkManager) {
                    fail("enslave");
                    return g.enslaveVf(mac, bond, networkManager);
                }
            };
        }

        @Override
        public Optional<PciAddress> attachedVf(String mac) {
            return Optional.ofNullable(attached.get(side));
        }

        @Override
        public void unplugDevice(Operation.Device d, PciAddress address) {
            domainHere();
            fail("unplug-device");
            if (devices.get(side).remove(address)) {
                freeDevices.get(side).add(address);
                log.add("unplug device " + address + " on " + side.id);
            }
        }

        @Override
        public PciAddress plugDevice(Operation op, Operation.Device d, List<PciAddress> preferred, boolean inGuest) {
            domainHere();
            for (PciAddress p : preferred) {
                if (devices.get(side).contains(p)) {
                    return p;
                }
            }
            if (!devices.get(side).isEmpty()) {
                return devices.get(side).iterator().next(); // the equivalent plugged by a run whose write was lost
            }
            fail("plug-device-" + side.id);
            List<PciAddress> order = new ArrayList<>(preferred);
            freeDevices.get(side).stream().filter(v -> !order.contains(v)).forEach(order::add);
            PciAddress a = order.stream().filter(freeDevices.get(side)::contains).findFirst().orElseThrow(() ->
                    new NoFreeDeviceException("fake: no free device on the " + side.id));
            freeDevices.get(side).remove(a);
            devices.get(side).add(a);
            log.add("plug device " + a + " on " + side.id);
            return a;
        }

        @Override
        public List<String> notifyGuest(io.passthru.agent.GuestHooks.Event event, Operation.Device d,
                                        PciAddress address) {
            guestHere();
            hooksTold.add(event.id + " " + address + " on " + side.id); // the first hook heard it
            if (failing.contains("hook-" + event.id)) { // the second refuses
                throw new io.passthru.agent.GuestHookFailedException("/etc/passthru/hooks.d/20-refuse", event.id,
                        address.toString(), 3, null, null, "", "device busy", null);
            }
            return List.of("10-test " + event.id + ": exit 0");
        }

        @Override
        public void restoreMac(Operation.Device d) {
            guestHere();
            fail("restore-mac");
            log.add("restore MAC " + d.mac + " on " + side.id);
        }

        @Override
        public Map<String, Long> completedJobStats() {
            return Map.of("downtime", 1L);
        }
    }
}
