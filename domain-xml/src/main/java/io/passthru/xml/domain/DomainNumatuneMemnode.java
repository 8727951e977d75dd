package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <memnode cellid='0' mode='strict' nodeset='1'/>} (formatdomain.html#numa-node-tuning).
 */
@XmlType(propOrder = {"extra"})
public class DomainNumatuneMemnode extends XmlCatchAll {
    @XmlAttribute(name = "cellid")
    private String cellid;
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "nodeset")
    private String nodeset;

    public DomainNumatuneMemnode() {
    }

    /** Raw {@code cellid} attribute, {@code null} if absent. */
    public String getCellid() {
        return cellid;
    }

    public void setCellid(String cellid) {
        this.cellid = cellid;
    }

    /** Raw {@code mode} attribute, {@code null} if absent. */
    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** Raw {@code nodeset} attribute, {@code null} if absent. */
    public String getNodeset() {
        return nodeset;
    }

    public void setNodeset(String nodeset) {
        this.nodeset = nodeset;
    }
}
