package io.passthru.manager.error;

import io.passthru.PassthruException;

/** The host lacks something passthrough needs (IOMMU, VFIO, SR-IOV, a PF link...); the message names the fix. */
public class HostNotReadyException extends PassthruException {
    public HostNotReadyException(String message) {
        super(message);
    }
}
