package io.passthru.manager.error;

import io.passthru.PassthruException;

/** No free VF (or PCI device) matches the request on the host. */
public class NoFreeDeviceException extends PassthruException {
    public NoFreeDeviceException(String message) {
        super(message);
    }

    public NoFreeDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
