package io.passthru.manager.error;

import io.passthru.PassthruException;

/** No domain with the given name or UUID on the host (libvirt {@code VIR_ERR_NO_DOMAIN} = 42). */
public class DomainNotFoundException extends PassthruException {
    public DomainNotFoundException(String message, Throwable cause, int libvirtErrorCode) {
        super(message, cause, libvirtErrorCode, null);
    }
}
