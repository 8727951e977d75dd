package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <settings frequency='44100' channels='2' format='s16'/>} of an audio input/output (formatdomain.html#audio-backends).
 */
@XmlType(propOrder = {"extra"})
public class DomainAudioSettings extends XmlCatchAll {
    @XmlAttribute(name = "frequency")
    private String frequencyRaw;
    @XmlAttribute(name = "channels")
    private String channelsRaw;
    @XmlAttribute(name = "format")
    private String format;

    public DomainAudioSettings() {
    }

    /** Raw {@code frequency} attribute text, number (decimal or 0x hex). */
    public String getFrequencyRaw() {
        return frequencyRaw;
    }

    public void setFrequencyRaw(String frequencyRaw) {
        this.frequencyRaw = frequencyRaw;
    }

    /** {@code frequency} attribute as Integer, {@code null} if absent. */
    public Integer getFrequency() {
        return XmlValues.integer(frequencyRaw, "frequency");
    }

    public void setFrequency(Integer frequency) {
        this.frequencyRaw = XmlValues.decimal(frequency);
    }

    /** Raw {@code channels} attribute text, number (decimal or 0x hex). */
    public String getChannelsRaw() {
        return channelsRaw;
    }

    public void setChannelsRaw(String channelsRaw) {
        this.channelsRaw = channelsRaw;
    }

    /** {@code channels} attribute as Integer, {@code null} if absent. */
    public Integer getChannels() {
        return XmlValues.integer(channelsRaw, "channels");
    }

    public void setChannels(Integer channels) {
        this.channelsRaw = XmlValues.decimal(channels);
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }
}
