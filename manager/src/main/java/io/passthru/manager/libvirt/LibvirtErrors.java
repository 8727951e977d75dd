package io.passthru.manager.libvirt;

import io.passthru.PassthruException;
import io.passthru.agent.AgentCommandException;
import io.passthru.agent.AgentTimeoutException;
import io.passthru.agent.AgentUnavailableException;
import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.LibvirtCallException;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

/**
 * Maps {@link LibvirtException} to passthru's typed exceptions, keeping libvirt's {@code virErrorNumber}
 * (libvirt's virterror.h; libvirt-java's {@code Error.ErrorNumber} ordinal equals the number).
 */
public final class LibvirtErrors {
    /** {@code VIR_ERR_NO_SUPPORT}: the driver does not implement the call. */
    public static final int VIR_ERR_NO_SUPPORT = 3;
    /** {@code VIR_ERR_INVALID_ARG}: also what a driver answers for flags it does not take. */
    public static final int VIR_ERR_INVALID_ARG = 8;
    public static final int VIR_ERR_OPERATION_FAILED = 9;
    public static final int VIR_ERR_NO_DOMAIN = 42;
    /** {@code VIR_ERR_NO_NODE_DEVICE}: no node device of that name. */
    public static final int VIR_ERR_NO_NODE_DEVICE = 53;
    public static final int VIR_ERR_OPERATION_INVALID = 55;
    public static final int VIR_ERR_OPERATION_TIMEOUT = 68;
    public static final int VIR_ERR_AGENT_UNRESPONSIVE = 86;
    public static final int VIR_ERR_AGENT_UNSYNCED = 97;
    public static final int VIR_ERR_DEVICE_MISSING = 99;
    /** {@code VIR_ERR_NO_DOMAIN_METADATA}: the domain has no metadata of that type or namespace. */
    public static final int VIR_ERR_NO_DOMAIN_METADATA = 80;
    /** {@code VIR_ERR_OPERATION_ABORTED}: a job (e.g. a migration) was aborted. */
    public static final int VIR_ERR_OPERATION_ABORTED = 78;
    /** {@code VIR_ERR_AGENT_COMMAND_TIMEOUT} (since libvirt 11.2; past the end of libvirt-java 0.5.4's enum). */
    public static final int VIR_ERR_AGENT_COMMAND_TIMEOUT = 112;
    /** {@code VIR_ERR_AGENT_COMMAND_FAILED} (since libvirt 11.2; past the end of libvirt-java 0.5.4's enum). */
    public static final int VIR_ERR_AGENT_COMMAND_FAILED = 113;

    /** The raw code and message of this thread's last libvirt error, seen by the error callback. */
    private record Raw(int code, String message) {
    }

    private static final ThreadLocal<Raw> LAST = new ThreadLocal<>();

    private LibvirtErrors() {
    }

    /**
     * Called by the error callback {@link Hosts} installs ({@code virSetErrorFunc}): libvirt runs it in the thread
     * whose call failed, before libvirt-java turns the error into an exception, with the real {@code code}.
     */
    static void remember(org.libvirt.jna.virError error) {
        if (error != null) {
            LAST.set(new Raw(error.code, error.message));
        }
    }

    /**
     * libvirt's error number of {@code e} ({@code virErrorNumber}, virterror.h), or
     * {@link PassthruException#NO_LIBVIRT_ERROR}. The number comes from the raw error libvirt reported to this thread
     * when its message is the one {@code e} carries, so codes libvirt-java 0.5.4's enum does not know
     * (e.g. {@link #VIR_ERR_AGENT_COMMAND_TIMEOUT}) are kept; else from the enum.
     */
    public static int code(LibvirtException e) {
        Error err = e.getError();
        Raw raw = LAST.get();
        if (raw != null && err != null && java.util.Objects.equals(raw.message(), err.getMessage())) {
            return raw.code();
        }
        return err == null || err.getCode() == null ? PassthruException.NO_LIBVIRT_ERROR : err.getCode().ordinal();
    }

    /** libvirt's own message of {@code e} (e.g. "Requested operation is not valid: domain is not running"). */
    public static String message(LibvirtException e) {
        Error err = e.getError();
        return err != null && err.getMessage() != null ? err.getMessage().strip() : String.valueOf(e.getMessage());
    }

    /**
     * The failure of a call made through {@link LibvirtNative} (it returned null or -1 and threw nothing), from the
     * calling thread's last libvirt error ({@code virGetLastError}, thread-local in libvirt).
     *
     * @param what what passthru was doing, e.g. "read node device pci_0000_01_10_0 on URI"
     */
    static PassthruException lastNativeFailure(String what) {
        org.libvirt.jna.virError err = org.libvirt.jna.Libvirt.INSTANCE.virGetLastError();
        int code = err == null ? PassthruException.NO_LIBVIRT_ERROR : err.code;
        String msg = what + " failed: " + (err == null || err.message == null ? "libvirt reported no error"
                : err.message.strip());
        return code == VIR_ERR_NO_DOMAIN ? new DomainNotFoundException(msg, null, code)
                : new LibvirtCallException(msg, null, code);
    }

    /** Generic mapping: {@code what} says what passthru was doing, e.g. "attach VF 0000:01:10.0 to domain g1". */
    public static PassthruException wrap(String what, LibvirtException e) {
        int code = code(e);
        String msg = what + " failed: " + message(e);
        if (code == VIR_ERR_NO_DOMAIN) {
            return new DomainNotFoundException(msg, e, code);
        }
        return new LibvirtCallException(msg, e, code);
    }

    /** Mapping for {@code virDomainQemuAgentCommand} failures to the guest-agent exception types. */
    public static PassthruException wrapAgent(String command, LibvirtException e) {
        int code = code(e);
        String msg = "guest agent command " + command + " failed: " + message(e);
        switch (code) {
            case VIR_ERR_AGENT_UNRESPONSIVE, VIR_ERR_AGENT_UNSYNCED, VIR_ERR_OPERATION_INVALID:
                return new AgentUnavailableException(msg + " (is qemu-guest-agent running in the guest and the "
                        + "org.qemu.guest_agent.0 channel defined?)", e, code);
            case VIR_ERR_AGENT_COMMAND_TIMEOUT, VIR_ERR_OPERATION_TIMEOUT:
                return new AgentTimeoutException(msg, e, code);
            case VIR_ERR_AGENT_COMMAND_FAILED:
                return new AgentCommandException(command, "GenericError", message(e), e, code);
            case VIR_ERR_NO_DOMAIN:
                return new DomainNotFoundException(msg, e, code);
            default:
                return new AgentUnavailableException(msg, e, code);
        }
    }
}
