package io.passthru.xml.domain;

import java.util.List;
import java.util.ArrayList;
import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source>} of a hostdev: for {@code type='pci'} one {@code <address domain bus slot function/>}
 * naming the host device (formatdomain.html#host-device-assignment): PCI/USB/mdev address, USB vendor/product, SCSI adapter, iSCSI host/auth/initiator, PCI origstates, and block/char/interface for capabilities mode.
 */
@XmlType(propOrder = {"address", "adapter", "hosts", "auth", "initiator", "vendor", "product", "origstates", "block", "charDev", "interfaceName", "extra"})
public class DomainHostdevSource extends XmlCatchAll {
    @XmlAttribute(name = "startupPolicy")
    private String startupPolicy;
    @XmlElement(name = "address")
    private DomainAddress address;

    @XmlAttribute(name = "protocol")
    private String protocol;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "wwpn")
    private String wwpn;
    @XmlAttribute(name = "guestReset")
    private String guestReset;
    @XmlAttribute(name = "writeFiltering")
    private String writeFiltering;
    @XmlElement(name = "adapter")
    private DomainHostdevSourceAdapter adapter;
    @XmlElement(name = "host")
    private List<DomainHostdevSourceHost> hosts;
    @XmlElement(name = "auth")
    private DomainHostdevSourceAuth auth;
    @XmlElement(name = "initiator")
    private DomainHostdevSourceInitiator initiator;
    @XmlElement(name = "vendor")
    private DomainHostdevSourceId vendor;
    @XmlElement(name = "product")
    private DomainHostdevSourceId product;
    @XmlElement(name = "origstates")
    private DomainHostdevSourceOrigstates origstates;
    @XmlElement(name = "block")
    private String block;
    @XmlElement(name = "char")
    private String charDev;
    @XmlElement(name = "interface")
    private String interfaceName;

    public DomainHostdevSource() {
    }

    public String getStartupPolicy() {
        return startupPolicy;
    }

    public void setStartupPolicy(String startupPolicy) {
        this.startupPolicy = startupPolicy;
    }

    /** Host address. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }

    /** Raw {@code protocol} attribute, {@code null} if absent. */
    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    /** Raw {@code name} attribute, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** Raw {@code wwpn} attribute, {@code null} if absent. */
    public String getWwpn() {
        return wwpn;
    }

    public void setWwpn(String wwpn) {
        this.wwpn = wwpn;
    }

    /** Raw {@code guestReset} attribute, {@code null} if absent. */
    public String getGuestReset() {
        return guestReset;
    }

    public void setGuestReset(String guestReset) {
        this.guestReset = guestReset;
    }

    /** Raw {@code writeFiltering} attribute, {@code null} if absent. */
    public String getWriteFiltering() {
        return writeFiltering;
    }

    public void setWriteFiltering(String writeFiltering) {
        this.writeFiltering = writeFiltering;
    }

    /** {@code <adapter>}, {@code null} if absent. */
    public DomainHostdevSourceAdapter getAdapter() {
        return adapter;
    }

    public void setAdapter(DomainHostdevSourceAdapter adapter) {
        this.adapter = adapter;
    }

    /** The {@code <host>} children in document order; live, never {@code null}. */
    public List<DomainHostdevSourceHost> getHosts() {
        if (hosts == null) {
            hosts = new ArrayList<>();
        }
        return hosts;
    }

    /** {@code <auth>}, {@code null} if absent. */
    public DomainHostdevSourceAuth getAuth() {
        return auth;
    }

    public void setAuth(DomainHostdevSourceAuth auth) {
        this.auth = auth;
    }

    /** {@code <initiator>}, {@code null} if absent. */
    public DomainHostdevSourceInitiator getInitiator() {
        return initiator;
    }

    public void setInitiator(DomainHostdevSourceInitiator initiator) {
        this.initiator = initiator;
    }

    /** {@code <vendor>}, {@code null} if absent. */
    public DomainHostdevSourceId getVendor() {
        return vendor;
    }

    public void setVendor(DomainHostdevSourceId vendor) {
        this.vendor = vendor;
    }

    /** {@code <product>}, {@code null} if absent. */
    public DomainHostdevSourceId getProduct() {
        return product;
    }

    public void setProduct(DomainHostdevSourceId product) {
        this.product = product;
    }

    /** {@code <origstates>}, {@code null} if absent. */
    public DomainHostdevSourceOrigstates getOrigstates() {
        return origstates;
    }

    public void setOrigstates(DomainHostdevSourceOrigstates origstates) {
        this.origstates = origstates;
    }

    /** {@code <block>}, {@code null} if absent. */
    public String getBlock() {
        return block;
    }

    public void setBlock(String block) {
        this.block = block;
    }

    /** {@code <char>}, {@code null} if absent. */
    public String getCharDev() {
        return charDev;
    }

    public void setCharDev(String charDev) {
        this.charDev = charDev;
    }

    /** {@code <interface>}, {@code null} if absent. */
    public String getInterfaceName() {
        return interfaceName;
    }

    public void setInterfaceName(String interfaceName) {
        this.interfaceName = interfaceName;
    }
}
