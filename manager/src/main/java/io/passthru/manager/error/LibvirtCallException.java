package io.passthru.manager.error;

import io.passthru.PassthruException;

/** A libvirt call failed for a reason without a more specific type; carries libvirt's error code. */
public class LibvirtCallException extends PassthruException {
    public LibvirtCallException(String message, Throwable cause, int libvirtErrorCode) {
        super(message, cause, libvirtErrorCode, null);
    }
}
