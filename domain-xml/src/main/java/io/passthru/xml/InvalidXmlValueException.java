package io.passthru.xml;

import io.passthru.PassthruException;

/**
 * A single value (a PCI address, a MAC address, a hex number, an attribute of libvirt XML) is malformed or out of
 * the range libvirt allows. The message names the bad value, the allowed range and the expected format.
 */
public class InvalidXmlValueException extends PassthruException {
    public InvalidXmlValueException(String message) {
        super(message);
    }

    public InvalidXmlValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
