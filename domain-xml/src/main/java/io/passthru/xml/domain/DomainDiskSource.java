package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <source file='..'|dev='..'|dir='..'|protocol='..' name='..'|pool='..' volume='..'>} of a disk, backing
 * store or mirror (formatdomain.html#hard-drives-floppy-disks-cdroms). Which attributes apply depends on the disk
 * {@code type}.
 */
@XmlType(propOrder = {"hosts", "address", "snapshot", "config", "auth", "encryption", "initiator", "reservations", "seclabels", "slices", "dataStore", "ssl", "cookies", "readahead", "timeout", "identity", "knownHosts", "reconnect", "extra"})
public class DomainDiskSource extends XmlCatchAll {
    @XmlAttribute(name = "file")
    private String file;
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "dir")
    private String dir;
    @XmlAttribute(name = "protocol")
    private String protocol;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "pool")
    private String pool;
    @XmlAttribute(name = "volume")
    private String volume;
    @XmlAttribute(name = "mode")
    private String mode;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "index")
    private String indexRaw;
    @XmlAttribute(name = "startupPolicy")
    private String startupPolicy;
    @XmlAttribute(name = "query")
    private String query;
    @XmlAttribute(name = "tls")
    private String tlsRaw;
    @XmlAttribute(name = "tlsHostname")
    private String tlsHostname;
    @XmlAttribute(name = "namespace")
    private String namespace;
    @XmlAttribute(name = "managed")
    private String managedRaw;
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "fdgroup")
    private String fdgroup;
    @XmlElement(name = "host")
    private List<DomainDiskSourceHost> hosts;
    @XmlElement(name = "address")
    private DomainAddress address;
    @XmlElement(name = "snapshot")
    private DomainDiskSourceSnapshot snapshot;
    @XmlElement(name = "config")
    private DomainDiskSourceConfig config;
    @XmlElement(name = "auth")
    private DomainDiskAuth auth;
    @XmlElement(name = "encryption")
    private DomainDiskEncryption encryption;
    @XmlElement(name = "initiator")
    private DomainDiskSourceInitiator initiator;
    @XmlElement(name = "reservations")
    private DomainDiskSourceReservations reservations;
    @XmlElement(name = "seclabel")
    private List<DomainDeviceSecLabel> seclabels;
    @XmlElement(name = "slices")
    private DomainDiskSlices slices;
    @XmlElement(name = "dataStore")
    private DomainDiskDataStore dataStore;
    @XmlElement(name = "ssl")
    private DomainDiskSourceSsl ssl;
    @XmlElement(name = "cookies")
    private DomainDiskCookies cookies;
    @XmlElement(name = "readahead")
    private DomainDiskSourceReadahead readahead;
    @XmlElement(name = "timeout")
    private DomainDiskSourceTimeout timeout;
    @XmlElement(name = "identity")
    private DomainDiskSourceIdentity identity;
    @XmlElement(name = "knownHosts")
    private DomainDiskSourceKnownHosts knownHosts;
    @XmlElement(name = "reconnect")
    private DomainChardevSourceReconnect reconnect;

    public DomainDiskSource() {
    }

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPool() {
        return pool;
    }

    public void setPool(String pool) {
        this.pool = pool;
    }

    public String getVolume() {
        return volume;
    }

    public void setVolume(String volume) {
        this.volume = volume;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code index} attribute text, number (decimal or 0x hex). */
    public String getIndexRaw() {
        return indexRaw;
    }

    public void setIndexRaw(String indexRaw) {
        this.indexRaw = indexRaw;
    }

    /** {@code index} attribute as Integer, {@code null} if absent. */
    public Integer getIndex() {
        return XmlValues.integer(indexRaw, "index");
    }

    public void setIndex(Integer index) {
        this.indexRaw = XmlValues.decimal(index);
    }

    public String getStartupPolicy() {
        return startupPolicy;
    }

    public void setStartupPolicy(String startupPolicy) {
        this.startupPolicy = startupPolicy;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    /** Raw {@code tls} attribute text, {@code 'yes'|'no'}. */
    public String getTlsRaw() {
        return tlsRaw;
    }

    public void setTlsRaw(String tlsRaw) {
        this.tlsRaw = tlsRaw;
    }

    /** {@code tls} attribute as Boolean, {@code null} if absent. */
    public Boolean getTls() {
        return XmlValues.yesNo(tlsRaw, "tls");
    }

    public void setTls(Boolean tls) {
        this.tlsRaw = XmlValues.yesNo(tls);
    }

    public String getTlsHostname() {
        return tlsHostname;
    }

    public void setTlsHostname(String tlsHostname) {
        this.tlsHostname = tlsHostname;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /** Raw {@code managed} attribute text, {@code 'yes'|'no'}. */
    public String getManagedRaw() {
        return managedRaw;
    }

    public void setManagedRaw(String managedRaw) {
        this.managedRaw = managedRaw;
    }

    /** {@code managed} attribute as Boolean, {@code null} if absent. */
    public Boolean getManaged() {
        return XmlValues.yesNo(managedRaw, "managed");
    }

    public void setManaged(Boolean managed) {
        this.managedRaw = XmlValues.yesNo(managed);
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getFdgroup() {
        return fdgroup;
    }

    public void setFdgroup(String fdgroup) {
        this.fdgroup = fdgroup;
    }

    /** The {@code <host>} elements in document order; live, never {@code null}. */
    public List<DomainDiskSourceHost> getHosts() {
        if (hosts == null) {
            hosts = new ArrayList<>();
        }
        return hosts;
    }

    /** PCI address of an NVMe disk. */
    public DomainAddress getAddress() {
        return address;
    }

    public void setAddress(DomainAddress address) {
        this.address = address;
    }

    public DomainDiskSourceSnapshot getSnapshot() {
        return snapshot;
    }

    public void setSnapshot(DomainDiskSourceSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    public DomainDiskSourceConfig getConfig() {
        return config;
    }

    public void setConfig(DomainDiskSourceConfig config) {
        this.config = config;
    }

    public DomainDiskAuth getAuth() {
        return auth;
    }

    public void setAuth(DomainDiskAuth auth) {
        this.auth = auth;
    }

    public DomainDiskEncryption getEncryption() {
        return encryption;
    }

    public void setEncryption(DomainDiskEncryption encryption) {
        this.encryption = encryption;
    }

    public DomainDiskSourceInitiator getInitiator() {
        return initiator;
    }

    public void setInitiator(DomainDiskSourceInitiator initiator) {
        this.initiator = initiator;
    }

    public DomainDiskSourceReservations getReservations() {
        return reservations;
    }

    public void setReservations(DomainDiskSourceReservations reservations) {
        this.reservations = reservations;
    }

    /** The {@code <seclabel>} elements in document order; live, never {@code null}. */
    public List<DomainDeviceSecLabel> getSeclabels() {
        if (seclabels == null) {
            seclabels = new ArrayList<>();
        }
        return seclabels;
    }

    public DomainDiskSlices getSlices() {
        return slices;
    }

    public void setSlices(DomainDiskSlices slices) {
        this.slices = slices;
    }

    public DomainDiskDataStore getDataStore() {
        return dataStore;
    }

    public void setDataStore(DomainDiskDataStore dataStore) {
        this.dataStore = dataStore;
    }

    public DomainDiskSourceSsl getSsl() {
        return ssl;
    }

    public void setSsl(DomainDiskSourceSsl ssl) {
        this.ssl = ssl;
    }

    public DomainDiskCookies getCookies() {
        return cookies;
    }

    public void setCookies(DomainDiskCookies cookies) {
        this.cookies = cookies;
    }

    public DomainDiskSourceReadahead getReadahead() {
        return readahead;
    }

    public void setReadahead(DomainDiskSourceReadahead readahead) {
        this.readahead = readahead;
    }

    public DomainDiskSourceTimeout getTimeout() {
        return timeout;
    }

    public void setTimeout(DomainDiskSourceTimeout timeout) {
        this.timeout = timeout;
    }

    public DomainDiskSourceIdentity getIdentity() {
        return identity;
    }

    public void setIdentity(DomainDiskSourceIdentity identity) {
        this.identity = identity;
    }

    public DomainDiskSourceKnownHosts getKnownHosts() {
        return knownHosts;
    }

    public void setKnownHosts(DomainDiskSourceKnownHosts knownHosts) {
        this.knownHosts = knownHosts;
    }

    public DomainChardevSourceReconnect getReconnect() {
        return reconnect;
    }

    public void setReconnect(DomainChardevSourceReconnect reconnect) {
        this.reconnect = reconnect;
    }
}
