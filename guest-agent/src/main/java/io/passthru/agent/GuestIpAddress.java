package io.passthru.agent;

/**
 * One address of a guest interface (QGA {@code GuestIpAddress}).
 *
 * @param type    {@code "ipv4"} or {@code "ipv6"} (QGA {@code GuestIpAddressType})
 * @param address the address in text form, without prefix
 * @param prefix  network prefix length in bits
 */
public record GuestIpAddress(String type, String address, int prefix) {
}
