package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <msi vectors='32' ioeventfd='on'/>} of an ivshmem-doorbell device.
 */
@XmlType(propOrder = {"extra"})
public class DomainShmemMsi extends XmlCatchAll {
    @XmlAttribute(name = "enabled")
    private String enabledRaw;
    @XmlAttribute(name = "vectors")
    private String vectorsRaw;
    @XmlAttribute(name = "ioeventfd")
    private String ioeventfdRaw;

    public DomainShmemMsi() {
    }

    /** Raw {@code enabled} attribute text, {@code 'on'|'off'}. */
    public String getEnabledRaw() {
        return enabledRaw;
    }

    public void setEnabledRaw(String enabledRaw) {
        this.enabledRaw = enabledRaw;
    }

    /** {@code enabled} attribute as Boolean, {@code null} if absent. */
    public Boolean getEnabled() {
        return XmlValues.onOff(enabledRaw, "enabled");
    }

    public void setEnabled(Boolean enabled) {
        this.enabledRaw = XmlValues.onOff(enabled);
    }

    /** Raw {@code vectors} attribute text, number (decimal or 0x hex). */
    public String getVectorsRaw() {
        return vectorsRaw;
    }

    public void setVectorsRaw(String vectorsRaw) {
        this.vectorsRaw = vectorsRaw;
    }

    /** {@code vectors} attribute as Integer, {@code null} if absent. */
    public Integer getVectors() {
        return XmlValues.integer(vectorsRaw, "vectors");
    }

    public void setVectors(Integer vectors) {
        this.vectorsRaw = XmlValues.decimal(vectors);
    }

    /** Raw {@code ioeventfd} attribute text, {@code 'on'|'off'}. */
    public String getIoeventfdRaw() {
        return ioeventfdRaw;
    }

    public void setIoeventfdRaw(String ioeventfdRaw) {
        this.ioeventfdRaw = ioeventfdRaw;
    }

    /** {@code ioeventfd} attribute as Boolean, {@code null} if absent. */
    public Boolean getIoeventfd() {
        return XmlValues.onOff(ioeventfdRaw, "ioeventfd");
    }

    public void setIoeventfd(Boolean ioeventfd) {
        this.ioeventfdRaw = XmlValues.onOff(ioeventfd);
    }
}
