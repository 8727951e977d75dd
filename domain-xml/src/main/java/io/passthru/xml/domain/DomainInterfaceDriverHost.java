package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <host csum='off' gso='off' tso4='off' tso6='off' ecn='off' ufo='off' mrg_rxbuf='off'/>} offloads of the virtio-net driver (formatdomain.html#network-interfaces).
 */
@XmlType(propOrder = {"extra"})
public class DomainInterfaceDriverHost extends DomainInterfaceDriverOffloads {
    @XmlAttribute(name = "gso")
    private String gso;
    @XmlAttribute(name = "mrg_rxbuf")
    private String mrgRxbuf;

    public DomainInterfaceDriverHost() {
    }

    /** Raw {@code gso} attribute, {@code null} if absent. */
    public String getGso() {
        return gso;
    }

    public void setGso(String gso) {
        this.gso = gso;
    }

    /** Raw {@code mrg_rxbuf} attribute, {@code null} if absent. */
    public String getMrgRxbuf() {
        return mrgRxbuf;
    }

    public void setMrgRxbuf(String mrgRxbuf) {
        this.mrgRxbuf = mrgRxbuf;
    }
}
