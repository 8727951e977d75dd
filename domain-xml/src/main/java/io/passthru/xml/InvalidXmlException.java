package io.passthru.xml;

import io.passthru.PassthruException;

/**
 * A whole XML document could not be read into, or written from, the typed model (not well-formed, wrong root
 * element, JAXB failure). The message names the root element or the model class involved.
 */
public class InvalidXmlException extends PassthruException {
    public InvalidXmlException(String message) {
        super(message);
    }

    public InvalidXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
