package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <throttlefilter group='..'/>} of a disk.
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskThrottleFilter extends XmlCatchAll {
    @XmlAttribute(name = "group")
    private String group;

    public DomainDiskThrottleFilter() {
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
