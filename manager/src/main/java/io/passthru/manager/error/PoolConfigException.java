package io.passthru.manager.error;

import io.passthru.PassthruException;

/**
 * The device pool configuration ({@code device_spec} / {@code alias}, Nova's {@code [pci]} syntax) is invalid; the
 * message names the entry (e.g. {@code device_spec[1]}) and the fix. Nothing was loaded.
 */
public class PoolConfigException extends PassthruException {
    public PoolConfigException(String message) {
        super(message);
    }

    public PoolConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
