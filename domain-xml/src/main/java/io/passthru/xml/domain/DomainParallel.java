package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <parallel type='pty'|'file'|'tcp'|'unix'|'dev'|...>}: a parallel port (formatdomain.html#consoles-serial-parallel-channel-devices).
 * A character device may have several {@code <source>} elements (type udp), so they are a list; the common parts
 * are in {@link DomainChardev}.
 */
@XmlRootElement(name = "parallel")
@XmlType(propOrder = {"sources", "protocol", "log", "target", "alias", "acpi", "address", "extra"})
public class DomainParallel extends DomainQemuCdev {
    @XmlElement(name = "target")
    private DomainParallelTarget target;

    public DomainParallel() {
    }

    public DomainParallelTarget getTarget() {
        return target;
    }

    public void setTarget(DomainParallelTarget target) {
        this.target = target;
    }
}
