package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <vcpus><vcpu id='0' enabled='yes' hotpluggable='no' order='1'/>} (formatdomain.html#cpu-allocation).
 */
@XmlType(propOrder = {"extra"})
public class DomainVcpusVcpu extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String id;
    @XmlAttribute(name = "enabled")
    private String enabled;
    @XmlAttribute(name = "hotpluggable")
    private String hotpluggable;
    @XmlAttribute(name = "order")
    private String order;

    public DomainVcpusVcpu() {
    }

    /** Raw {@code id} attribute, {@code null} if absent. */
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** Raw {@code enabled} attribute, {@code null} if absent. */
    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled;
    }

    /** Raw {@code hotpluggable} attribute, {@code null} if absent. */
    public String getHotpluggable() {
        return hotpluggable;
    }

    public void setHotpluggable(String hotpluggable) {
        this.hotpluggable = hotpluggable;
    }

    /** Raw {@code order} attribute, {@code null} if absent. */
    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }
}
