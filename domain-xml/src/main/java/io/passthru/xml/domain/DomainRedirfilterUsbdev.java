package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <usbdev class='0x08' vendor='0x1234' product='0xbeef' version='2.00' allow='yes'/>}: one redirection
 * filter rule; {@code -1} means any.
 */
@XmlType(propOrder = {"extra"})
public class DomainRedirfilterUsbdev extends XmlCatchAll {
    @XmlAttribute(name = "class")
    private String usbClass;
    @XmlAttribute(name = "vendor")
    private String vendor;
    @XmlAttribute(name = "product")
    private String product;
    @XmlAttribute(name = "version")
    private String version;
    @XmlAttribute(name = "allow")
    private String allowRaw;

    public DomainRedirfilterUsbdev() {
    }

    public String getUsbClass() {
        return usbClass;
    }

    public void setUsbClass(String usbClass) {
        this.usbClass = usbClass;
    }

    public String getVendor() {
        return vendor;
    }

    public void setVendor(String vendor) {
        this.vendor = vendor;
    }

    public String getProduct() {
        return product;
    }

    public void setProduct(String product) {
        this.product = product;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    /** Raw {@code allow} attribute text, {@code 'yes'|'no'}. */
    public String getAllowRaw() {
        return allowRaw;
    }

    public void setAllowRaw(String allowRaw) {
        this.allowRaw = allowRaw;
    }

    /** {@code allow} attribute as Boolean, {@code null} if absent. */
    public Boolean getAllow() {
        return XmlValues.yesNo(allowRaw, "allow");
    }

    public void setAllow(Boolean allow) {
        this.allowRaw = XmlValues.yesNo(allow);
    }
}
