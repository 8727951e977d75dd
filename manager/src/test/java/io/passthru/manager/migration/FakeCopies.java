package io.passthru.manager.migration;

import io.passthru.manager.libvirt.HostIdentity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Two copies of a guest in memory: libvirt's transitions (resume: paused to running; destroy: a live copy to shut
 * off, or absent when transient; undefine: shut off to absent), a log of the actions, and a hook run before each look
 * so a test can change a side between looks.
 */
final class FakeCopies implements Copies {
    final Map<Side, CopyState> states = new EnumMap<>(Side.class);
    final Map<Side, HostIdentity> machines = new EnumMap<>(Side.class);
    final Map<Side, Boolean> persistent = new EnumMap<>(Side.class);
    final List<String> actions = new ArrayList<>();
    int looks;
    Consumer<FakeCopies> beforeLook = f -> { };

    FakeCopies(CopyState source, CopyState destination) {
        states.put(Side.SOURCE, source);
        states.put(Side.DESTINATION, destination);
        machines.put(Side.SOURCE, new HostIdentity("11111111-0000-4000-8000-000000000001", "h1"));
        machines.put(Side.DESTINATION, new HostIdentity("22222222-0000-4000-8000-000000000002", "h2"));
        persistent.put(Side.SOURCE, true);
        persistent.put(Side.DESTINATION, true);
    }

    @Override
    public Sighting look(Side side) {
        looks++;
        beforeLook.accept(this);
        CopyState s = states.get(side);
        return new Sighting(side, "fake://" + side.id, s, s == CopyState.UNREACHABLE ? null : machines.get(side),
                s == CopyState.UNREACHABLE ? "did not answer within 20 s" : null);
    }

    @Override
    public void resume(Side side) {
        require(side, states.get(side) == CopyState.PAUSED, "resume");
        states.put(side, CopyState.RUNNING);
        actions.add("resume " + side.id);
    }

    @Override
    public void destroy(Side side) {
        CopyState s = states.get(side);
        require(side, s != CopyState.UNREACHABLE, "destroy");
        if (s.live()) {
            states.put(side, persistent.get(side) ? CopyState.SHUTOFF : CopyState.ABSENT);
        }
        actions.add("destroy " + side.id);
    }

    @Override
    public void undefine(Side side) {
        CopyState s = states.get(side);
        require(side, s != CopyState.UNREACHABLE, "undefine");
        if (s == CopyState.SHUTOFF) {
            states.put(side, CopyState.ABSENT);
        } else if (s.live()) {
            persistent.put(side, false);
        }
        actions.add("undefine " + side.id);
    }

    private void require(Side side, boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("fake libvirt: cannot " + what + " the " + side.id + " copy in state "
                    + states.get(side));
        }
    }

    long running() {
        return states.values().stream().filter(s -> s == CopyState.RUNNING).count();
    }
}
