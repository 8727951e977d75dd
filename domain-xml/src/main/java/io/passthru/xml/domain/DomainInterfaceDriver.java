package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <driver name='vfio'|'vhost'|'qemu' queues='4' .../>} of an interface
 * (formatdomain.html#setting-nic-driver-specific-options) with the {@code <host>}/{@code <guest>} offload children.
 */
@XmlType(propOrder = {"host", "guest", "extra"})
public class DomainInterfaceDriver extends XmlCatchAll {
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "queues")
    private String queuesRaw;

    @XmlAttribute(name = "txmode")
    private String txmode;
    @XmlAttribute(name = "ioeventfd")
    private String ioeventfd;
    @XmlAttribute(name = "event_idx")
    private String eventIdx;
    @XmlAttribute(name = "rx_queue_size")
    private String rxQueueSize;
    @XmlAttribute(name = "tx_queue_size")
    private String txQueueSize;
    @XmlAttribute(name = "iommu")
    private String iommu;
    @XmlAttribute(name = "ats")
    private String ats;
    @XmlAttribute(name = "packed")
    private String packed;
    @XmlAttribute(name = "page_per_vq")
    private String pagePerVq;
    @XmlAttribute(name = "rss")
    private String rss;
    @XmlAttribute(name = "rss_hash_report")
    private String rssHashReport;
    @XmlElement(name = "host")
    private DomainInterfaceDriverHost host;
    @XmlElement(name = "guest")
    private DomainInterfaceDriverGuest guest;

    public DomainInterfaceDriver() {
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code queues} attribute. */
    public String getQueuesRaw() {
        return queuesRaw;
    }

    public void setQueuesRaw(String queuesRaw) {
        this.queuesRaw = queuesRaw;
    }

    public Integer getQueues() {
        return XmlValues.integer(queuesRaw, "queues");
    }

    public void setQueues(Integer queues) {
        this.queuesRaw = XmlValues.decimal(queues);
    }

    /** Raw {@code txmode} attribute, {@code null} if absent. */
    public String getTxmode() {
        return txmode;
    }

    public void setTxmode(String txmode) {
        this.txmode = txmode;
    }

    /** Raw {@code ioeventfd} attribute, {@code null} if absent. */
    public String getIoeventfd() {
        return ioeventfd;
    }

    public void setIoeventfd(String ioeventfd) {
        this.ioeventfd = ioeventfd;
    }

    /** Raw {@code event_idx} attribute, {@code null} if absent. */
    public String getEventIdx() {
        return eventIdx;
    }

    public void setEventIdx(String eventIdx) {
        this.eventIdx = eventIdx;
    }

    /** Raw {@code rx_queue_size} attribute, {@code null} if absent. */
    public String getRxQueueSize() {
        return rxQueueSize;
    }

    public void setRxQueueSize(String rxQueueSize) {
        this.rxQueueSize = rxQueueSize;
    }

    /** Raw {@code tx_queue_size} attribute, {@code null} if absent. */
    public String getTxQueueSize() {
        return txQueueSize;
    }

    public void setTxQueueSize(String txQueueSize) {
        this.txQueueSize = txQueueSize;
    }

    /** Raw {@code iommu} attribute, {@code null} if absent. */
    public String getIommu() {
        return iommu;
    }

    public void setIommu(String iommu) {
        this.iommu = iommu;
    }

    /** Raw {@code ats} attribute, {@code null} if absent. */
    public String getAts() {
        return ats;
    }

    public void setAts(String ats) {
        this.ats = ats;
    }

    /** Raw {@code packed} attribute, {@code null} if absent. */
    public String getPacked() {
        return packed;
    }

    public void setPacked(String packed) {
        this.packed = packed;
    }

    /** Raw {@code page_per_vq} attribute, {@code null} if absent. */
    public String getPagePerVq() {
        return pagePerVq;
    }

    public void setPagePerVq(String pagePerVq) {
        this.pagePerVq = pagePerVq;
    }

    /** Raw {@code rss} attribute, {@code null} if absent. */
    public String getRss() {
        return rss;
    }

    public void setRss(String rss) {
        this.rss = rss;
    }

    /** Raw {@code rss_hash_report} attribute, {@code null} if absent. */
    public String getRssHashReport() {
        return rssHashReport;
    }

    public void setRssHashReport(String rssHashReport) {
        this.rssHashReport = rssHashReport;
    }

    /** {@code <host>}, {@code null} if absent. */
    public DomainInterfaceDriverHost getHost() {
        return host;
    }

    public void setHost(DomainInterfaceDriverHost host) {
        this.host = host;
    }

    /** {@code <guest>}, {@code null} if absent. */
    public DomainInterfaceDriverGuest getGuest() {
        return guest;
    }

    public void setGuest(DomainInterfaceDriverGuest guest) {
        this.guest = guest;
    }
}
