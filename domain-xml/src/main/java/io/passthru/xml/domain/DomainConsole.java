package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <console type='pty'|'file'|'tcp'|'unix'|'dev'|...>}: a console (formatdomain.html#consoles-serial-parallel-channel-devices).
 * A character device may have several {@code <source>} elements (type udp), so they are a list; the common parts
 * are in {@link DomainChardev}.
 */
@XmlRootElement(name = "console")
@XmlType(propOrder = {"sources", "protocol", "log", "target", "alias", "acpi", "address", "extra"})
public class DomainConsole extends DomainQemuCdev {
    @XmlElement(name = "target")
    private DomainConsoleTarget target;

    public DomainConsole() {
    }

    public DomainConsoleTarget getTarget() {
        return target;
    }

    public void setTarget(DomainConsoleTarget target) {
        this.target = target;
    }
}
