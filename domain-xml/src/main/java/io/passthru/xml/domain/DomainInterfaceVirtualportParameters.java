package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <parameters managerid='11' typeid='1193047' typeidversion='2' instanceid='..' interfaceid='..' profileid='..'/>} (formatdomain.html#direct-attachment-to-physical-interface).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceVirtualportParameters extends XmlCatchAll {
    @XmlAttribute(name = "managerid")
    private String managerid;
    @XmlAttribute(name = "typeid")
    private String typeid;
    @XmlAttribute(name = "typeidversion")
    private String typeidversion;
    @XmlAttribute(name = "instanceid")
    private String instanceid;
    @XmlAttribute(name = "interfaceid")
    private String interfaceid;
    @XmlAttribute(name = "profileid")
    private String profileid;

    public DomainInterfaceVirtualportParameters() {
    }

    /** Raw {@code managerid} attribute, {@code null} if absent. */
    public String getManagerid() {
        return managerid;
    }

    public void setManagerid(String managerid) {
        this.managerid = managerid;
    }

    /** Raw {@code typeid} attribute, {@code null} if absent. */
    public String getTypeid() {
        return typeid;
    }

    public void setTypeid(String typeid) {
        this.typeid = typeid;
    }

    /** Raw {@code typeidversion} attribute, {@code null} if absent. */
    public String getTypeidversion() {
        return typeidversion;
    }

    public void setTypeidversion(String typeidversion) {
        this.typeidversion = typeidversion;
    }

    /** Raw {@code instanceid} attribute, {@code null} if absent. */
    public String getInstanceid() {
        return instanceid;
    }

    public void setInstanceid(String instanceid) {
        this.instanceid = instanceid;
    }

    /** Raw {@code interfaceid} attribute, {@code null} if absent. */
    public String getInterfaceid() {
        return interfaceid;
    }

    public void setInterfaceid(String interfaceid) {
        this.interfaceid = interfaceid;
    }

    /** Raw {@code profileid} attribute, {@code null} if absent. */
    public String getProfileid() {
        return profileid;
    }

    public void setProfileid(String profileid) {
        this.profileid = profileid;
    }
}
