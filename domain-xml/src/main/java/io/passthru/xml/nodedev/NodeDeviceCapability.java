package io.passthru.xml.nodedev;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.PciAddressParts;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <capability type='pci'|'net'|'virt_functions'|'phys_function'|...>} of a node device (formatnode.html).
 *
 * <p>type {@code pci}: {@code domain, bus, slot, function} as decimal text, {@code class}, {@code product},
 * {@code vendor}, {@code iommuGroup}, {@code numa}, {@code pci-express} and nested capabilities:
 * {@code <capability type='virt_functions' maxCount='7'>} (an SR-IOV PF, listing its VFs as {@code <address>}) and
 * {@code <capability type='phys_function'>} (a VF, with its PF's {@code <address>}).
 * type {@code net}: {@code interface}, {@code address} (MAC), {@code link}, features (catch-all) and a nested
 * {@code 80203}/{@code 80211} capability. Everything else in the catch-all.
 */
@XmlType(propOrder = {"pciClass", "domain", "bus", "slot", "function", "product", "vendor", "netInterface", "addresses", "link", "capabilities", "iommuGroup", "numa", "pciExpress", "features", "attrs", "channelDevAddr", "vpdFields", "hardware", "firmware", "name", "host", "uuid", "cssid", "ssid", "devno", "uniqueId", "wwnn", "wwpn", "fabricWwn", "maxVports", "vports", "block", "driveType", "model", "size", "logicalBlockSize", "numBlocks", "number", "subclass", "protocol", "target", "lun", "serial", "mediaAvailable", "mediaSize", "mediaLabel", "cardType", "chpid", "groupDevice", "rport", "device", "apAdapter", "apDomain", "state", "extra"})
public class NodeDeviceCapability extends XmlCatchAll implements PciAddressParts {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "maxCount")
    private String maxCount;
    @XmlElement(name = "class")
    private String pciClass;
    @XmlElement(name = "domain")
    private String domain;
    @XmlElement(name = "bus")
    private String bus;
    @XmlElement(name = "slot")
    private String slot;
    @XmlElement(name = "function")
    private String function;
    @XmlElement(name = "product")
    private NodeDeviceIdName product;
    @XmlElement(name = "vendor")
    private NodeDeviceIdName vendor;
    @XmlElement(name = "interface")
    private String netInterface;
    @XmlElement(name = "address")
    private List<NodeDeviceAddress> addresses;
    @XmlElement(name = "link")
    private NodeDeviceNetLink link;
    @XmlElement(name = "capability")
    private List<NodeDeviceCapability> capabilities;
    @XmlElement(name = "iommuGroup")
    private NodeDeviceIommuGroup iommuGroup;
    @XmlElement(name = "numa")
    private NodeDeviceNuma numa;
    @XmlElement(name = "pci-express")
    private NodeDevicePciExpress pciExpress;

    @XmlElement(name = "feature")
    private List<NodeDeviceFeature> features;
    @XmlElement(name = "attr")
    private List<NodeDeviceAttr> attrs;
    @XmlElement(name = "channel_dev_addr")
    private NodeDeviceCcwAddress channelDevAddr;
    @XmlElement(name = "fields")
    private List<NodeDeviceVpdFields> vpdFields;
    @XmlElement(name = "hardware")
    private NodeDeviceSystemPart hardware;
    @XmlElement(name = "firmware")
    private NodeDeviceSystemPart firmware;
    @XmlElement(name = "name")
    private String name;
    @XmlElement(name = "host")
    private String host;
    @XmlElement(name = "uuid")
    private String uuid;
    @XmlElement(name = "cssid")
    private String cssid;
    @XmlElement(name = "ssid")
    private String ssid;
    @XmlElement(name = "devno")
    private String devno;
    @XmlElement(name = "unique_id")
    private String uniqueId;
    @XmlElement(name = "wwnn")
    private String wwnn;
    @XmlElement(name = "wwpn")
    private String wwpn;
    @XmlElement(name = "fabric_wwn")
    private String fabricWwn;
    @XmlElement(name = "max_vports")
    private String maxVports;
    @XmlElement(name = "vports")
    private String vports;
    @XmlElement(name = "block")
    private String block;
    @XmlElement(name = "drive_type")
    private String driveType;
    @XmlElement(name = "model")
    private String model;
    @XmlElement(name = "size")
    private String size;
    @XmlElement(name = "logical_block_size")
    private String logicalBlockSize;
    @XmlElement(name = "num_blocks")
    private String numBlocks;
    @XmlElement(name = "number")
    private String number;
    @XmlElement(name = "subclass")
    private String subclass;
    @XmlElement(name = "protocol")
    private String protocol;
    @XmlElement(name = "target")
    private String target;
    @XmlElement(name = "lun")
    private String lun;
    @XmlElement(name = "serial")
    private String serial;
    @XmlElement(name = "media_available")
    private String mediaAvailable;
    @XmlElement(name = "media_size")
    private String mediaSize;
    @XmlElement(name = "media_label")
    private String mediaLabel;
    @XmlElement(name = "card_type")
    private String cardType;
    @XmlElement(name = "chpid")
    private String chpid;
    @XmlElement(name = "group_device")
    private String groupDevice;
    @XmlElement(name = "rport")
    private String rport;
    @XmlElement(name = "device")
    private String device;
    @XmlElement(name = "ap-adapter")
    private String apAdapter;
    @XmlElement(name = "ap-domain")
    private String apDomain;
    @XmlElement(name = "state")
    private String state;

    public NodeDeviceCapability() {
    }

    /** The first nested capability of this type. */
    public Optional<NodeDeviceCapability> capability(String capabilityType) {
        return capabilities == null ? Optional.empty()
                : capabilities.stream().filter(c -> capabilityType.equals(c.getType())).findFirst();
    }

    /** {@code maxCount} of a {@code virt_functions} capability as a number, {@code null} if absent. */
    public Integer getMaxCountValue() {
        return XmlValues.integer(maxCount, "capability maxCount");
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code maxCount} attribute (virt_functions). */
    public String getMaxCount() {
        return maxCount;
    }

    public void setMaxCount(String maxCount) {
        this.maxCount = maxCount;
    }

    /** PCI class as written, e.g. {@code 0x020000}. */
    public String getPciClass() {
        return pciClass;
    }

    public void setPciClass(String pciClass) {
        this.pciClass = pciClass;
    }

    /** Raw decimal PCI domain. */
    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    /** Raw decimal PCI bus. */
    public String getBus() {
        return bus;
    }

    public void setBus(String bus) {
        this.bus = bus;
    }

    /** Raw decimal PCI slot. */
    public String getSlot() {
        return slot;
    }

    public void setSlot(String slot) {
        this.slot = slot;
    }

    /** Raw decimal PCI function. */
    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    public NodeDeviceIdName getProduct() {
        return product;
    }

    public void setProduct(NodeDeviceIdName product) {
        this.product = product;
    }

    public NodeDeviceIdName getVendor() {
        return vendor;
    }

    public void setVendor(NodeDeviceIdName vendor) {
        this.vendor = vendor;
    }

    /** Net capability: host interface name, e.g. {@code eth0}. */
    public String getNetInterface() {
        return netInterface;
    }

    public void setNetInterface(String netInterface) {
        this.netInterface = netInterface;
    }

    /** {@code <address>} children in order (PCI addresses, or the MAC of a net capability); live. */
    public List<NodeDeviceAddress> getAddresses() {
        if (addresses == null) {
            addresses = new ArrayList<>();
        }
        return addresses;
    }

    public NodeDeviceNetLink getLink() {
        return link;
    }

    public void setLink(NodeDeviceNetLink link) {
        this.link = link;
    }

    /** Nested capabilities in order; live. */
    public List<NodeDeviceCapability> getCapabilities() {
        if (capabilities == null) {
            capabilities = new ArrayList<>();
        }
        return capabilities;
    }

    public NodeDeviceIommuGroup getIommuGroup() {
        return iommuGroup;
    }

    public void setIommuGroup(NodeDeviceIommuGroup iommuGroup) {
        this.iommuGroup = iommuGroup;
    }

    public NodeDeviceNuma getNuma() {
        return numa;
    }

    public void setNuma(NodeDeviceNuma numa) {
        this.numa = numa;
    }

    public NodeDevicePciExpress getPciExpress() {
        return pciExpress;
    }

    public void setPciExpress(NodeDevicePciExpress pciExpress) {
        this.pciExpress = pciExpress;
    }

    /** The {@code <feature>} children in document order; live, never {@code null}. */
    public List<NodeDeviceFeature> getFeatures() {
        if (features == null) {
            features = new ArrayList<>();
        }
        return features;
    }

    /** The {@code <attr>} children in document order; live, never {@code null}. */
    public List<NodeDeviceAttr> getAttrs() {
        if (attrs == null) {
            attrs = new ArrayList<>();
        }
        return attrs;
    }

    /** {@code <channel_dev_addr>}, {@code null} if absent. */
    public NodeDeviceCcwAddress getChannelDevAddr() {
        return channelDevAddr;
    }

    public void setChannelDevAddr(NodeDeviceCcwAddress channelDevAddr) {
        this.channelDevAddr = channelDevAddr;
    }

    /** The {@code <fields>} children in document order; live, never {@code null}. */
    public List<NodeDeviceVpdFields> getVpdFields() {
        if (vpdFields == null) {
            vpdFields = new ArrayList<>();
        }
        return vpdFields;
    }

    /** {@code <hardware>}, {@code null} if absent. */
    public NodeDeviceSystemPart getHardware() {
        return hardware;
    }

    public void setHardware(NodeDeviceSystemPart hardware) {
        this.hardware = hardware;
    }

    /** {@code <firmware>}, {@code null} if absent. */
    public NodeDeviceSystemPart getFirmware() {
        return firmware;
    }

    public void setFirmware(NodeDeviceSystemPart firmware) {
        this.firmware = firmware;
    }

    /** {@code <name>}, {@code null} if absent. */
    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** {@code <host>}, {@code null} if absent. */
    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    /** {@code <uuid>}, {@code null} if absent. */
    public String getUuid() {
        return uuid;
    }

    public void setUuid(String uuid) {
        this.uuid = uuid;
    }

    /** {@code <cssid>}, {@code null} if absent. */
    public String getCssid() {
        return cssid;
    }

    public void setCssid(String cssid) {
        this.cssid = cssid;
    }

    /** {@code <ssid>}, {@code null} if absent. */
    public String getSsid() {
        return ssid;
    }

    public void setSsid(String ssid) {
        this.ssid = ssid;
    }

    /** {@code <devno>}, {@code null} if absent. */
    public String getDevno() {
        return devno;
    }

    public void setDevno(String devno) {
        this.devno = devno;
    }

    /** {@code <unique_id>}, {@code null} if absent. */
    public String getUniqueId() {
        return uniqueId;
    }

    public void setUniqueId(String uniqueId) {
        this.uniqueId = uniqueId;
    }

    /** {@code <wwnn>}, {@code null} if absent. */
    public String getWwnn() {
        return wwnn;
    }

    public void setWwnn(String wwnn) {
        this.wwnn = wwnn;
    }

    /** {@code <wwpn>}, {@code null} if absent. */
    public String getWwpn() {
        return wwpn;
    }

    public void setWwpn(String wwpn) {
        this.wwpn = wwpn;
    }

    /** {@code <fabric_wwn>}, {@code null} if absent. */
    public String getFabricWwn() {
        return fabricWwn;
    }

    public void setFabricWwn(String fabricWwn) {
        this.fabricWwn = fabricWwn;
    }

    /** {@code <max_vports>}, {@code null} if absent. */
    public String getMaxVports() {
        return maxVports;
    }

    public void setMaxVports(String maxVports) {
        this.maxVports = maxVports;
    }

    /** {@code <vports>}, {@code null} if absent. */
    public String getVports() {
        return vports;
    }

    public void setVports(String vports) {
        this.vports = vports;
    }

    /** {@code <block>}, {@code null} if absent. */
    public String getBlock() {
        return block;
    }

    public void setBlock(String block) {
        this.block = block;
    }

    /** {@code <drive_type>}, {@code null} if absent. */
    public String getDriveType() {
        return driveType;
    }

    public void setDriveType(String driveType) {
        this.driveType = driveType;
    }

    /** {@code <model>}, {@code null} if absent. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** {@code <size>}, {@code null} if absent. */
    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    /** {@code <logical_block_size>}, {@code null} if absent. */
    public String getLogicalBlockSize() {
        return logicalBlockSize;
    }

    public void setLogicalBlockSize(String logicalBlockSize) {
        this.logicalBlockSize = logicalBlockSize;
    }

    /** {@code <num_blocks>}, {@code null} if absent. */
    public String getNumBlocks() {
        return numBlocks;
    }

    public void setNumBlocks(String numBlocks) {
        this.numBlocks = numBlocks;
    }

    /** {@code <number>}, {@code null} if absent. */
    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    /** {@code <subclass>}, {@code null} if absent. */
    public String getSubclass() {
        return subclass;
    }

    public void setSubclass(String subclass) {
        this.subclass = subclass;
    }

    /** {@code <protocol>}, {@code null} if absent. */
    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    /** {@code <target>}, {@code null} if absent. */
    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    /** {@code <lun>}, {@code null} if absent. */
    public String getLun() {
        return lun;
    }

    public void setLun(String lun) {
        this.lun = lun;
    }

    /** {@code <serial>}, {@code null} if absent. */
    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    /** {@code <media_available>}, {@code null} if absent. */
    public String getMediaAvailable() {
        return mediaAvailable;
    }

    public void setMediaAvailable(String mediaAvailable) {
        this.mediaAvailable = mediaAvailable;
    }

    /** {@code <media_size>}, {@code null} if absent. */
    public String getMediaSize() {
        return mediaSize;
    }

    public void setMediaSize(String mediaSize) {
        this.mediaSize = mediaSize;
    }

    /** {@code <media_label>}, {@code null} if absent. */
    public String getMediaLabel() {
        return mediaLabel;
    }

    public void setMediaLabel(String mediaLabel) {
        this.mediaLabel = mediaLabel;
    }

    /** {@code <card_type>}, {@code null} if absent. */
    public String getCardType() {
        return cardType;
    }

    public void setCardType(String cardType) {
        this.cardType = cardType;
    }

    /** {@code <chpid>}, {@code null} if absent. */
    public String getChpid() {
        return chpid;
    }

    public void setChpid(String chpid) {
        this.chpid = chpid;
    }

    /** {@code <group_device>}, {@code null} if absent. */
    public String getGroupDevice() {
        return groupDevice;
    }

    public void setGroupDevice(String groupDevice) {
        this.groupDevice = groupDevice;
    }

    /** {@code <rport>}, {@code null} if absent. */
    public String getRport() {
        return rport;
    }

    public void setRport(String rport) {
        this.rport = rport;
    }

    /** {@code <device>}, {@code null} if absent. */
    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    /** {@code <ap-adapter>}, {@code null} if absent. */
    public String getApAdapter() {
        return apAdapter;
    }

    public void setApAdapter(String apAdapter) {
        this.apAdapter = apAdapter;
    }

    /** {@code <ap-domain>}, {@code null} if absent. */
    public String getApDomain() {
        return apDomain;
    }

    public void setApDomain(String apDomain) {
        this.apDomain = apDomain;
    }

    /** {@code <state>}, {@code null} if absent. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }
}
