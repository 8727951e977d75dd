package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <uid start='0' target='1000' count='10'/>} or {@code <gid ..>} (formatdomain.html#container-boot).
 */
@XmlType(propOrder = {"extra"})
public class DomainIdmapRange extends XmlCatchAll {
    @XmlAttribute(name = "start")
    private String start;
    @XmlAttribute(name = "target")
    private String target;
    @XmlAttribute(name = "count")
    private String count;

    public DomainIdmapRange() {
    }

    /** Raw {@code start} attribute, {@code null} if absent. */
    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    /** Raw {@code target} attribute, {@code null} if absent. */
    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    /** Raw {@code count} attribute, {@code null} if absent. */
    public String getCount() {
        return count;
    }

    public void setCount(String count) {
        this.count = count;
    }
}
