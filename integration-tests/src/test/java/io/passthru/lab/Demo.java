package io.passthru.lab;

import io.passthru.manager.Inventory;

/**
 * The main job on the nested lab (integration-tests/lab/run-demo.sh): a guest with a VF bonded to a virtio NIC on
 * host 1 is migrated to host 2 by {@code passthru migrate} while host 2's peer pings it; prints passthru's timeline
 * and the pings lost.
 */
public final class Demo {
    public static void main(String[] args) throws Exception {
        String name = "demo-guest";
        String mac = "52:54:00:d0:00:30";
        String addr = "192.0.2.30";
        Lab.removeGuest(2, name);
        System.out.println("== starting guest " + name + " on " + Lab.uri(1));
        Lab.startGuest(1, name, mac, addr + "/24");
        String vf = Inventory.scan(Lab.host(1)).vfs().stream().filter(Inventory.Vf::isFree).findFirst()
                .orElseThrow().address().toString();
        Lab.CliResult a = Lab.cli("attach", name, "--connect", Lab.uri(1), "--vf", vf, "--mac", mac, "--bond", "bond0");
        if (a.exit() != 0) {
            throw new IllegalStateException("passthru attach failed: " + a.err());
        }
        Lab.Ping ping = new Lab.Ping(2, addr);
        Lab.sleep(2000);
        Lab.CliResult m = Lab.cli("migrate", name, "--connect", Lab.uri(1), "--to", Lab.uri(2),
                "--migrate-uri", "tcp://" + Lab.migrationAddress(2));
        Lab.sleep(2000);
        int[] p = ping.stop();
        System.out.printf("== peer 192.0.2.102 pinged %s every 100 ms during the migration: %d sent, %d answered, "
                + "%d lost%n", addr, p[0], p[1], p[0] - p[1]);
        Lab.removeGuest(2, name);
        Lab.removeGuest(1, name);
        if (m.exit() != 0) {
            throw new IllegalStateException("passthru migrate failed: " + m.err());
        }
    }
}
