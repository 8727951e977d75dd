package io.passthru.manager.error;

/**
 * A libvirt host did not answer (its daemon is stopped, frozen or restarting, or the link is down) within a bound, or
 * answered as another host than the one recorded. A copy of a guest on such a host is never taken for gone: nothing
 * that depends on it is changed. Exit status 3 on the command line, like {@link HostNotReadyException}.
 */
public class HostUnreachableException extends HostNotReadyException {
    public HostUnreachableException(String message) {
        super(message);
    }
}
