package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <cid auto='yes'|'no' address='3'/>} of a vsock device: the guest's context id.
 */
@XmlType(propOrder = {"extra"})
public class DomainVsockCid extends XmlCatchAll {
    @XmlAttribute(name = "auto")
    private String autoRaw;
    @XmlAttribute(name = "address")
    private String addressRaw;

    public DomainVsockCid() {
    }

    /** Raw {@code auto} attribute text, {@code 'yes'|'no'}. */
    public String getAutoRaw() {
        return autoRaw;
    }

    public void setAutoRaw(String autoRaw) {
        this.autoRaw = autoRaw;
    }

    /** {@code auto} attribute as Boolean, {@code null} if absent. */
    public Boolean getAuto() {
        return XmlValues.yesNo(autoRaw, "auto");
    }

    public void setAuto(Boolean auto) {
        this.autoRaw = XmlValues.yesNo(auto);
    }

    /** Raw {@code address} attribute text, number (decimal or 0x hex). */
    public String getAddressRaw() {
        return addressRaw;
    }

    public void setAddressRaw(String addressRaw) {
        this.addressRaw = addressRaw;
    }

    /** {@code address} attribute as Integer, {@code null} if absent. */
    public Integer getAddress() {
        return XmlValues.integer(addressRaw, "address");
    }

    public void setAddress(Integer address) {
        this.addressRaw = XmlValues.decimal(address);
    }
}
