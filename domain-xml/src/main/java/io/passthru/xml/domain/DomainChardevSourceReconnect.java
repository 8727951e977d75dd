package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <reconnect enabled='yes' timeout='10'/>} of a character device or network disk source
 * (formatdomain.html#consoles-serial-parallel-channel-devices).
 */
@XmlType(propOrder = {"extra"})
public class DomainChardevSourceReconnect extends XmlCatchAll {
    @XmlAttribute(name = "enabled")
    private String enabledRaw;
    @XmlAttribute(name = "timeout")
    private String timeoutRaw;
    @XmlAttribute(name = "delay")
    private String delayRaw;

    public DomainChardevSourceReconnect() {
    }

    /** Raw {@code enabled} attribute text, {@code 'yes'|'no'}. */
    public String getEnabledRaw() {
        return enabledRaw;
    }

    public void setEnabledRaw(String enabledRaw) {
        this.enabledRaw = enabledRaw;
    }

    /** {@code enabled} attribute as Boolean, {@code null} if absent. */
    public Boolean getEnabled() {
        return XmlValues.yesNo(enabledRaw, "enabled");
    }

    public void setEnabled(Boolean enabled) {
        this.enabledRaw = XmlValues.yesNo(enabled);
    }

    /** Raw {@code timeout} attribute text, number (decimal or 0x hex). */
    public String getTimeoutRaw() {
        return timeoutRaw;
    }

    public void setTimeoutRaw(String timeoutRaw) {
        this.timeoutRaw = timeoutRaw;
    }

    /** {@code timeout} attribute as Integer, {@code null} if absent. */
    public Integer getTimeout() {
        return XmlValues.integer(timeoutRaw, "timeout");
    }

    public void setTimeout(Integer timeout) {
        this.timeoutRaw = XmlValues.decimal(timeout);
    }

    /** Raw {@code delay} attribute text, number (decimal or 0x hex). */
    public String getDelayRaw() {
        return delayRaw;
    }

    public void setDelayRaw(String delayRaw) {
        this.delayRaw = delayRaw;
    }

    /** {@code delay} attribute as Integer, {@code null} if absent. */
    public Integer getDelay() {
        return XmlValues.integer(delayRaw, "delay");
    }

    public void setDelay(Integer delay) {
        this.delayRaw = XmlValues.decimal(delay);
    }
}
