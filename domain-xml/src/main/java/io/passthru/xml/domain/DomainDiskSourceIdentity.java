package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <identity username='..' keyfile='..' agentsock='..'/>} of an ssh disk source (or
 * {@code user}/{@code group} of a vhost-user-blk source).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceIdentity extends XmlCatchAll {
    @XmlAttribute(name = "username")
    private String username;
    @XmlAttribute(name = "keyfile")
    private String keyfile;
    @XmlAttribute(name = "agentsock")
    private String agentsock;
    @XmlAttribute(name = "user")
    private String user;
    @XmlAttribute(name = "group")
    private String group;

    public DomainDiskSourceIdentity() {
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getKeyfile() {
        return keyfile;
    }

    public void setKeyfile(String keyfile) {
        this.keyfile = keyfile;
    }

    public String getAgentsock() {
        return agentsock;
    }

    public void setAgentsock(String agentsock) {
        this.agentsock = agentsock;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }
}
