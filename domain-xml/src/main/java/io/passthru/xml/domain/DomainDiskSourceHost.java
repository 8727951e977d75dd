package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <host name='..' port='..' transport='tcp'|'unix'|'rdma' socket='..'/>} of a network disk source
 * (formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
@XmlType(propOrder = {"extra"})
public class DomainDiskSourceHost extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "port")
    private String port;
    @XmlAttribute(name = "transport")
    private String transport;
    @XmlAttribute(name = "socket")
    private String socket;

    public DomainDiskSourceHost() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getSocket() {
        return socket;
    }

    public void setSocket(String socket) {
        this.socket = socket;
    }
}
