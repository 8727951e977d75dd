package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <clipboard copypaste='yes'/>} of a qemu-vdagent source (formatdomain.html#channel).
 */
@XmlType(propOrder = {"extra"})
public class DomainChardevSourceClipboard extends XmlCatchAll {
    @XmlAttribute(name = "copypaste")
    private String copypasteRaw;

    public DomainChardevSourceClipboard() {
    }

    /** Raw {@code copypaste} attribute text, {@code 'yes'|'no'}. */
    public String getCopypasteRaw() {
        return copypasteRaw;
    }

    public void setCopypasteRaw(String copypasteRaw) {
        this.copypasteRaw = copypasteRaw;
    }

    /** {@code copypaste} attribute as Boolean, {@code null} if absent. */
    public Boolean getCopypaste() {
        return XmlValues.yesNo(copypasteRaw, "copypaste");
    }

    public void setCopypaste(Boolean copypaste) {
        this.copypasteRaw = XmlValues.yesNo(copypaste);
    }
}
