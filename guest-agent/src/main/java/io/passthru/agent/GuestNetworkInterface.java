package io.passthru.agent;

import java.util.List;

/**
 * One interface of {@code guest-network-get-interfaces} (QGA {@code GuestNetworkInterface}).
 *
 * @param name            interface name in the guest, e.g. {@code "eth1"}
 * @param hardwareAddress MAC address in lower case ({@code "52:54:00:ab:cd:01"}), or {@code null} when the
 *                        agent reported none
 * @param ipAddresses     assigned addresses (unmodifiable, empty when none)
 */
public record GuestNetworkInterface(String name, String hardwareAddress, List<GuestIpAddress> ipAddresses) {
    public GuestNetworkInterface {
        ipAddresses = List.copyOf(ipAddresses);
    }
}
