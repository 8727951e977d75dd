package io.passthru.xml.domain;

import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <sound model='ich9'|'ich6'|'ac97'|'es1370'|'sb16'|'usb'|'virtio'|...>} (formatdomain.html#sound-devices).
 */
@XmlRootElement(name = "sound")
@XmlType(propOrder = {"codecs", "audio", "driver", "alias", "acpi", "address", "extra"})
public class DomainSound extends DomainDeviceBase {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "multichannel")
    private String multichannelRaw;
    @XmlAttribute(name = "streams")
    private String streamsRaw;
    @XmlElement(name = "codec")
    private List<DomainSoundCodec> codecs;
    @XmlElement(name = "audio")
    private DomainSoundAudio audio;
    @XmlElement(name = "driver")
    private DomainSoundDriver driver;
    @XmlElement(name = "acpi")
    private DomainDeviceAcpi acpi;

    public DomainSound() {
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Raw {@code multichannel} attribute text, {@code 'yes'|'no'}. */
    public String getMultichannelRaw() {
        return multichannelRaw;
    }

    public void setMultichannelRaw(String multichannelRaw) {
        this.multichannelRaw = multichannelRaw;
    }

    /** {@code multichannel} attribute as Boolean, {@code null} if absent. */
    public Boolean getMultichannel() {
        return XmlValues.yesNo(multichannelRaw, "multichannel");
    }

    public void setMultichannel(Boolean multichannel) {
        this.multichannelRaw = XmlValues.yesNo(multichannel);
    }

    /** Raw {@code streams} attribute text, number (decimal or 0x hex). */
    public String getStreamsRaw() {
        return streamsRaw;
    }

    public void setStreamsRaw(String streamsRaw) {
        this.streamsRaw = streamsRaw;
    }

    /** {@code streams} attribute as Integer, {@code null} if absent. */
    public Integer getStreams() {
        return XmlValues.integer(streamsRaw, "streams");
    }

    public void setStreams(Integer streams) {
        this.streamsRaw = XmlValues.decimal(streams);
    }

    /** The {@code <codec>} elements in document order; live, never {@code null}. */
    public List<DomainSoundCodec> getCodecs() {
        if (codecs == null) {
            codecs = new ArrayList<>();
        }
        return codecs;
    }

    public DomainSoundAudio getAudio() {
        return audio;
    }

    public void setAudio(DomainSoundAudio audio) {
        this.audio = audio;
    }

    public DomainSoundDriver getDriver() {
        return driver;
    }

    public void setDriver(DomainSoundDriver driver) {
        this.driver = driver;
    }

    public DomainDeviceAcpi getAcpi() {
        return acpi;
    }

    public void setAcpi(DomainDeviceAcpi acpi) {
        this.acpi = acpi;
    }
}
