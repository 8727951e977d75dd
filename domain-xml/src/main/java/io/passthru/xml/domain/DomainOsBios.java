package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <bios useserial='yes' rebootTimeout='0'/>} (formatdomain.html#operating-system-booting).
 */
@XmlType(propOrder = {"extra"})
public class DomainOsBios extends XmlCatchAll {
    @XmlAttribute(name = "useserial")
    private String useserial;
    @XmlAttribute(name = "rebootTimeout")
    private String rebootTimeout;

    public DomainOsBios() {
    }

    /** Raw {@code useserial} attribute, {@code null} if absent. */
    public String getUseserial() {
        return useserial;
    }

    public void setUseserial(String useserial) {
        this.useserial = useserial;
    }

    /** Raw {@code rebootTimeout} attribute, {@code null} if absent. */
    public String getRebootTimeout() {
        return rebootTimeout;
    }

    public void setRebootTimeout(String rebootTimeout) {
        this.rebootTimeout = rebootTimeout;
    }
}
