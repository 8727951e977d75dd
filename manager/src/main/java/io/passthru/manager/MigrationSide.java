package io.passthru.manager;

import io.passthru.manager.journal.Operation;
import io.passthru.xml.PciAddress;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One host of a migration as {@link MigrationEngine} acts on it: the guest's domain there, its record, its VF and
 * the guest inside. {@link LibvirtMigrationSide} implements it on libvirt and the guest agent; unit tests fake it.
 * Every method that changes something is an ensure (it changes nothing when the domain or guest is already so), so a
 * step that a crashed run may or may not have finished can be run again.
 */
interface MigrationSide {
    /** The libvirt URI of this host, as the operator gave it. */
    String uri();

    /**
     * Writes {@code op} into the domain's {@code <metadata>} and this machine's mirror file.
     *
     * @throws io.passthru.manager.error.RecordMovedException when the stored record moved (compare-and-set)
     */
    void write(Operation op);

    /** Writes {@code op} to this machine's mirror file only (libvirt takes no metadata change during a migration). */
    void writeMirror(Operation op);

    /** Removes {@code op} from the domain's metadata and the mirror. */
    void clear(Operation op);

    /**
     * Hot-unplugs the VF {@code vf} and waits for the guest to release it ({@code DEVICE_REMOVED}).
     *
     * @throws io.passthru.manager.error.DetachTimeoutException when the guest keeps it past the detach timeout
     */
    void unplugVf(PciAddress vf);

    /**
     * Makes sure the domain holds a VF with the operation's MAC, VLAN, trust and teaming: keeps one already attached,
     * else hot-plugs the first of {@code preferred}, then of the host's free VFs of {@code op}'s vendor:product.
     *
     * @param checked true when the pre-checks checked this host already (no inventory read again)
     * @param inGuest wait until the guest shows the VF (needs the guest agent)
     * @return the VF now attached
     * @throws io.passthru.manager.error.NoFreeDeviceException when no VF could be attached
     */
    PciAddress plugVf(Operation op, List<PciAddress> preferred, boolean checked, boolean inGuest);

    /** libvirt's own time of the last VF {@link #plugVf} attached, ms; 0 when it attached none. */
    long lastPlugLibvirtMs();

    /**
     * QMP {@code announce-self}: QEMU sends RARP frames with each virtio NIC's MAC; {@code arrived} picks the rounds
     * of a post-migration announcement, else of one after the VF's unplug on the source. Never fails.
     */
    void announce(boolean arrived);

    /**
     * The guest announces the addresses of its interfaces with {@code mac} (gratuitous ARP through the guest agent,
     * {@link io.passthru.agent.GuestReachability#announce}). Never fails: what was not announced, and why, is in the
     * result (an agent that does not answer makes it one entry).
     */
    io.passthru.agent.GuestReachability.Announcement announceAddresses(String mac);

    /**
     * The guest pings {@code address} until it answers or {@code limit} passed
     * ({@link io.passthru.agent.GuestReachability#reach}).
     *
     * @throws io.passthru.agent.AgentException when the guest cannot ping at all, or its agent fails
     */
    io.passthru.agent.GuestReachability.TrafficCheck reach(String address, Duration limit);

    /** Waits up to {@code limit} for the guest agent to answer {@code guest-ping}. */
    void pingAgent(Duration limit);

    /** True when the guest agent answers and allows the guest-exec commands within {@code limit}. */
    boolean agentUsable(Duration limit);

    /**
     * Waits (the guest timeout) for the VF's netdev with {@code mac} in the guest; when it never shows, unplugs
     * {@code vf} again and fails naming the likely cause.
     *
     * @return the VF's netdev name in the guest
     */
    String findVf(String mac, PciAddress vf);

    /** The guest's network, through the guest agent, for the strategies' declared steps. */
    GuestStrategy.GuestBond guest();

    /** The VF with {@code mac} the domain holds now, if any. */
    Optional<PciAddress> attachedVf(String mac);

    /**
     * Hot-unplugs device {@code d} of a {@code hotplug} move ({@code <interface type='hostdev'>} or {@code <hostdev>})
     * at {@code address} on this host and waits for the guest to release it ({@code DEVICE_REMOVED}); nothing when the
     * domain does not hold it.
     *
     * @throws io.passthru.manager.error.DetachTimeoutException when the guest keeps it past the detach timeout
     */
    void unplugDevice(Operation.Device d, PciAddress address);

    /**
     * Makes sure the domain holds device {@code d} of a {@code hotplug} move: keeps one of {@code preferred} already
     * attached, else hot-plugs the first of {@code preferred} that can be had, then of this host's free equivalents
     * (same kind and vendor:product, allowed by the assignment rules), at {@code d}'s guest PCI address; a VF with
     * {@code d}'s MAC and VLAN.
     *
     * @param inGuest wait until the guest shows a VF's netdev (needs the guest agent)
     * @return the device now attached
     * @throws io.passthru.manager.error.NoFreeDeviceException when no equivalent device could be attached
     */
    PciAddress plugDevice(Operation op, Operation.Device d, List<PciAddress> preferred, boolean inGuest);

    /**
     * Runs the guest's hooks ({@link io.passthru.agent.GuestHooks}) for {@code event} on device {@code d}, which is
     * {@code address} on this host; nothing when the guest has none.
     *
     * @return one line per hook that ran (name, exit code, ms)
     * @throws io.passthru.agent.GuestHookFailedException naming the hook that failed or did not exit in time
     */
    List<String> notifyGuest(io.passthru.agent.GuestHooks.Event event, Operation.Device d, PciAddress address);

    /**
     * Gives the passed-through NIC {@code d} the MAC it had in the guest ({@code d.mac}): waits (the guest timeout)
     * for its netdev at {@code d}'s guest PCI address and sets the MAC when it differs.
     *
     * @throws io.passthru.PassthruException when the netdev never shows (the guest lacks the driver)
     */
    void restoreMac(Operation.Device d);

    /** libvirt's statistics of the completed migration job (bytes, ms); {@code unavailable} with the error code. */
    Map<String, Long> completedJobStats();
}
