/**
 * QEMU guest agent (QGA) client and guest-side network operations.
 *
 * <p>This package speaks the QGA wire protocol (QEMU {@code qga/qapi-schema.json}) and knows nothing of
 * libvirt: the transport is the {@link io.passthru.agent.AgentChannel} interface, which the manager
 * implements with libvirt's {@code virDomainQemuAgentCommand} and which
 * {@link io.passthru.agent.UnixSocketAgentChannel} implements directly over the UNIX socket QEMU exposes
 * for the agent's virtio-serial port.
 *
 * <ul>
 *   <li>{@link io.passthru.agent.GuestAgent}: typed QGA commands (guest-ping, guest-info,
 *       guest-network-get-interfaces, guest-exec, guest-exec-status).</li>
 *   <li>{@link io.passthru.agent.GuestNetwork}: iproute2 run through guest-exec to inspect links and to
 *       enslave / release a VF in the guest's active-backup bond (kernel
 *       {@code Documentation/networking/bonding.rst}).</li>
 * </ul>
 *
 * <p>Every failure is an {@link io.passthru.agent.AgentException} (unchecked, a
 * {@link io.passthru.PassthruException}).
 */
package io.passthru.agent;
