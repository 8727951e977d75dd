package io.passthru.manager.error;

import io.passthru.PassthruException;

/**
 * The guest did not release a hot-unplugged device in time: libvirt sent the unplug request but no
 * {@code DEVICE_REMOVED} event came and the device is still in the live domain XML. The device stays attached.
 */
public class DetachTimeoutException extends PassthruException {
    public DetachTimeoutException(String message) {
        super(message);
    }

    public DetachTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
