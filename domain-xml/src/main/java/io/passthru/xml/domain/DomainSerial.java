package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <serial type='pty'|'file'|'tcp'|'unix'|'dev'|...>}: a serial port (formatdomain.html#consoles-serial-parallel-channel-devices).
 * A character device may have several {@code <source>} elements (type udp), so they are a list; the common parts
 * are in {@link DomainChardev}.
 */
@XmlRootElement(name = "serial")
@XmlType(propOrder = {"sources", "protocol", "log", "target", "alias", "acpi", "address", "extra"})
public class DomainSerial extends DomainQemuCdev {
    @XmlElement(name = "target")
    private DomainSerialTarget target;

    public DomainSerial() {
    }

    public DomainSerialTarget getTarget() {
        return target;
    }

    public void setTarget(DomainSerialTarget target) {
        this.target = target;
    }
}
