package io.passthru.xml.domcaps;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <devices>} of domain capabilities (formatdomaincaps.html#devices): hostdev, iommu, disk, graphics, video,
 * rng, filesystem, tpm, redirdev, channel, crypto, interface, panic, console, input, each {@code supported} + enums;
 * later devices are kept by the catch-all.
 */
@XmlType(propOrder = {"hostdev", "iommu", "disk", "graphics", "video", "rng", "filesystem", "tpm", "redirdev", "channel", "crypto", "interfaceDevice", "panic", "console", "input", "extra"})
public class DomainCapsDevices extends XmlCatchAll {
    @XmlElement(name = "hostdev")
    private DomainCapsDevice hostdev;
    @XmlElement(name = "iommu")
    private DomainCapsDevice iommu;

    @XmlElement(name = "disk")
    private DomainCapsDevice disk;
    @XmlElement(name = "graphics")
    private DomainCapsDevice graphics;
    @XmlElement(name = "video")
    private DomainCapsDevice video;
    @XmlElement(name = "rng")
    private DomainCapsDevice rng;
    @XmlElement(name = "filesystem")
    private DomainCapsDevice filesystem;
    @XmlElement(name = "tpm")
    private DomainCapsDevice tpm;
    @XmlElement(name = "redirdev")
    private DomainCapsDevice redirdev;
    @XmlElement(name = "channel")
    private DomainCapsDevice channel;
    @XmlElement(name = "crypto")
    private DomainCapsDevice crypto;
    @XmlElement(name = "interface")
    private DomainCapsDevice interfaceDevice;
    @XmlElement(name = "panic")
    private DomainCapsDevice panic;
    @XmlElement(name = "console")
    private DomainCapsDevice console;
    @XmlElement(name = "input")
    private DomainCapsDevice input;

    public DomainCapsDevices() {
    }

    public DomainCapsDevice getHostdev() {
        return hostdev;
    }

    public void setHostdev(DomainCapsDevice hostdev) {
        this.hostdev = hostdev;
    }

    public DomainCapsDevice getIommu() {
        return iommu;
    }

    public void setIommu(DomainCapsDevice iommu) {
        this.iommu = iommu;
    }

    /** {@code <disk>}, {@code null} if absent. */
    public DomainCapsDevice getDisk() {
        return disk;
    }

    public void setDisk(DomainCapsDevice disk) {
        this.disk = disk;
    }

    /** {@code <graphics>}, {@code null} if absent. */
    public DomainCapsDevice getGraphics() {
        return graphics;
    }

    public void setGraphics(DomainCapsDevice graphics) {
        this.graphics = graphics;
    }

    /** {@code <video>}, {@code null} if absent. */
    public DomainCapsDevice getVideo() {
        return video;
    }

    public void setVideo(DomainCapsDevice video) {
        this.video = video;
    }

    /** {@code <rng>}, {@code null} if absent. */
    public DomainCapsDevice getRng() {
        return rng;
    }

    public void setRng(DomainCapsDevice rng) {
        this.rng = rng;
    }

    /** {@code <filesystem>}, {@code null} if absent. */
    public DomainCapsDevice getFilesystem() {
        return filesystem;
    }

    public void setFilesystem(DomainCapsDevice filesystem) {
        this.filesystem = filesystem;
    }

    /** {@code <tpm>}, {@code null} if absent. */
    public DomainCapsDevice getTpm() {
        return tpm;
    }

    public void setTpm(DomainCapsDevice tpm) {
        this.tpm = tpm;
    }

    /** {@code <redirdev>}, {@code null} if absent. */
    public DomainCapsDevice getRedirdev() {
        return redirdev;
    }

    public void setRedirdev(DomainCapsDevice redirdev) {
        this.redirdev = redirdev;
    }

    /** {@code <channel>}, {@code null} if absent. */
    public DomainCapsDevice getChannel() {
        return channel;
    }

    public void setChannel(DomainCapsDevice channel) {
        this.channel = channel;
    }

    /** {@code <crypto>}, {@code null} if absent. */
    public DomainCapsDevice getCrypto() {
        return crypto;
    }

    public void setCrypto(DomainCapsDevice crypto) {
        this.crypto = crypto;
    }

    /** {@code <interface>}, {@code null} if absent. */
    public DomainCapsDevice getInterfaceDevice() {
        return interfaceDevice;
    }

    public void setInterfaceDevice(DomainCapsDevice interfaceDevice) {
        this.interfaceDevice = interfaceDevice;
    }

    /** {@code <panic>}, {@code null} if absent. */
    public DomainCapsDevice getPanic() {
        return panic;
    }

    public void setPanic(DomainCapsDevice panic) {
        this.panic = panic;
    }

    /** {@code <console>}, {@code null} if absent. */
    public DomainCapsDevice getConsole() {
        return console;
    }

    public void setConsole(DomainCapsDevice console) {
        this.console = console;
    }

    /** {@code <input>}, {@code null} if absent. */
    public DomainCapsDevice getInput() {
        return input;
    }

    public void setInput(DomainCapsDevice input) {
        this.input = input;
    }
}
