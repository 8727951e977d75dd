package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <ssl verify='yes'|'no'/>} of an https/ftps disk source.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceSsl extends XmlCatchAll {
    @XmlAttribute(name = "verify")
    private String verifyRaw;

    public DomainDiskSourceSsl() {
    }

    /** Raw {@code verify} attribute text, {@code 'yes'|'no'}. */
    public String getVerifyRaw() {
        return verifyRaw;
    }

    public void setVerifyRaw(String verifyRaw) {
        this.verifyRaw = verifyRaw;
    }

    /** {@code verify} attribute as Boolean, {@code null} if absent. */
    public Boolean getVerify() {
        return XmlValues.yesNo(verifyRaw, "verify");
    }

    public void setVerify(Boolean verify) {
        this.verifyRaw = XmlValues.yesNo(verify);
    }
}
