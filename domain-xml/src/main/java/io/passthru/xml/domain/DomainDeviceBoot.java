package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <boot order='1'/>} of a device (formatdomain.html#bios-bootloader, per-device boot).
 */
@XmlType(propOrder = {"extra"})
public class DomainDeviceBoot extends XmlCatchAll {
    @XmlAttribute(name = "order")
    private String orderRaw;
    @XmlAttribute(name = "loadparm")
    private String loadparm;

    public DomainDeviceBoot() {
    }

    /** Raw {@code order} attribute. */
    public String getOrderRaw() {
        return orderRaw;
    }

    public void setOrderRaw(String orderRaw) {
        this.orderRaw = orderRaw;
    }

    public String getLoadparm() {
        return loadparm;
    }

    public void setLoadparm(String loadparm) {
        this.loadparm = loadparm;
    }

    /** Boot order (1 = first), or {@code null}. */
    public Integer getOrder() {
        return XmlValues.integer(orderRaw, "boot order");
    }

    public void setOrder(Integer order) {
        this.orderRaw = XmlValues.decimal(order);
    }
}
