package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <topology sockets='1' dies='1' clusters='1' cores='2' threads='1'/>} (formatdomain.html#cpu-model-and-topology).
 */
@XmlType(propOrder = {"extra"})
public class DomainCpuTopology extends XmlCatchAll {
    @XmlAttribute(name = "sockets")
    private String sockets;
    @XmlAttribute(name = "dies")
    private String dies;
    @XmlAttribute(name = "clusters")
    private String clusters;
    @XmlAttribute(name = "cores")
    private String cores;
    @XmlAttribute(name = "threads")
    private String threads;

    public DomainCpuTopology() {
    }

    /** Raw {@code sockets} attribute, {@code null} if absent. */
    public String getSockets() {
        return sockets;
    }

    public void setSockets(String sockets) {
        this.sockets = sockets;
    }

    /** Raw {@code dies} attribute, {@code null} if absent. */
    public String getDies() {
        return dies;
    }

    public void setDies(String dies) {
        this.dies = dies;
    }

    /** Raw {@code clusters} attribute, {@code null} if absent. */
    public String getClusters() {
        return clusters;
    }

    public void setClusters(String clusters) {
        this.clusters = clusters;
    }

    /** Raw {@code cores} attribute, {@code null} if absent. */
    public String getCores() {
        return cores;
    }

    public void setCores(String cores) {
        this.cores = cores;
    }

    /** Raw {@code threads} attribute, {@code null} if absent. */
    public String getThreads() {
        return threads;
    }

    public void setThreads(String threads) {
        this.threads = threads;
    }
}
