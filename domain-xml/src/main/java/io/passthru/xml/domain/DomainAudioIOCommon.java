package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * What {@code <input>} and {@code <output>} of an audio backend share (libvirt's {@code audiocommonattr} and
 * {@code audiocommonchild} plus the backend-specific attributes, formatdomain.html#audio-backends): {@code
 * mixingEngine='yes' fixedSettings='yes' voices='1' bufferLength='100' ...}. Which attributes apply depends on the
 * backend type. The subclasses only name the element; their {@code propOrder} lists the inherited properties.
 */
@XmlTransient
public abstract class DomainAudioIOCommon extends XmlCatchAll {
    @XmlAttribute(name = "mixingEngine")
    private String mixingEngineRaw;
    @XmlAttribute(name = "fixedSettings")
    private String fixedSettingsRaw;
    @XmlAttribute(name = "voices")
    private String voicesRaw;
    @XmlAttribute(name = "bufferLength")
    private String bufferLengthRaw;
    @XmlAttribute(name = "dev")
    private String dev;
    @XmlAttribute(name = "name")
    private String name;
    @XmlAttribute(name = "streamName")
    private String streamName;
    @XmlAttribute(name = "latency")
    private String latencyRaw;
    @XmlAttribute(name = "bufferCount")
    private String bufferCountRaw;
    @XmlAttribute(name = "tryPoll")
    private String tryPollRaw;
    @XmlAttribute(name = "serverName")
    private String serverName;
    @XmlAttribute(name = "clientName")
    private String clientName;
    @XmlAttribute(name = "connectPorts")
    private String connectPorts;
    @XmlAttribute(name = "exactName")
    private String exactNameRaw;
    @XmlElement(name = "settings")
    private DomainAudioSettings settings;

    protected DomainAudioIOCommon() {
    }

    /** Raw {@code mixingEngine} attribute text, {@code 'yes'|'no'}. */
    public String getMixingEngineRaw() {
        return mixingEngineRaw;
    }

    public void setMixingEngineRaw(String mixingEngineRaw) {
        this.mixingEngineRaw = mixingEngineRaw;
    }

    /** {@code mixingEngine} attribute as Boolean, {@code null} if absent. */
    public Boolean getMixingEngine() {
        return XmlValues.yesNo(mixingEngineRaw, "mixingEngine");
    }

    public void setMixingEngine(Boolean mixingEngine) {
        this.mixingEngineRaw = XmlValues.yesNo(mixingEngine);
    }

    /** Raw {@code fixedSettings} attribute text, {@code 'yes'|'no'}. */
    public String getFixedSettingsRaw() {
        return fixedSettingsRaw;
    }

    public void setFixedSettingsRaw(String fixedSettingsRaw) {
        this.fixedSettingsRaw = fixedSettingsRaw;
    }

    /** {@code fixedSettings} attribute as Boolean, {@code null} if absent. */
    public Boolean getFixedSettings() {
        return XmlValues.yesNo(fixedSettingsRaw, "fixedSettings");
    }

    public void setFixedSettings(Boolean fixedSettings) {
        this.fixedSettingsRaw = XmlValues.yesNo(fixedSettings);
    }

    /** Raw {@code voices} attribute text, number (decimal or 0x hex). */
    public String getVoicesRaw() {
        return voicesRaw;
    }

    public void setVoicesRaw(String voicesRaw) {
        this.voicesRaw = voicesRaw;
    }

    /** {@code voices} attribute as Integer, {@code null} if absent. */
    public Integer getVoices() {
        return XmlValues.integer(voicesRaw, "voices");
    }

    public void setVoices(Integer voices) {
        this.voicesRaw = XmlValues.decimal(voices);
    }

    /** Raw {@code bufferLength} attribute text, number (decimal or 0x hex). */
    public String getBufferLengthRaw() {
        return bufferLengthRaw;
    }

    public void setBufferLengthRaw(String bufferLengthRaw) {
        this.bufferLengthRaw = bufferLengthRaw;
    }

    /** {@code bufferLength} attribute as Integer, {@code null} if absent. */
    public Integer getBufferLength() {
        return XmlValues.integer(bufferLengthRaw, "bufferLength");
    }

    public void setBufferLength(Integer bufferLength) {
        this.bufferLengthRaw = XmlValues.decimal(bufferLength);
    }

    public String getDev() {
        return dev;
    }

    public void setDev(String dev) {
        this.dev = dev;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStreamName() {
        return streamName;
    }

    public void setStreamName(String streamName) {
        this.streamName = streamName;
    }

    /** Raw {@code latency} attribute text, number (decimal or 0x hex). */
    public String getLatencyRaw() {
        return latencyRaw;
    }

    public void setLatencyRaw(String latencyRaw) {
        this.latencyRaw = latencyRaw;
    }

    /** {@code latency} attribute as Integer, {@code null} if absent. */
    public Integer getLatency() {
        return XmlValues.integer(latencyRaw, "latency");
    }

    public void setLatency(Integer latency) {
        this.latencyRaw = XmlValues.decimal(latency);
    }

    /** Raw {@code bufferCount} attribute text, number (decimal or 0x hex). */
    public String getBufferCountRaw() {
        return bufferCountRaw;
    }

    public void setBufferCountRaw(String bufferCountRaw) {
        this.bufferCountRaw = bufferCountRaw;
    }

    /** {@code bufferCount} attribute as Integer, {@code null} if absent. */
    public Integer getBufferCount() {
        return XmlValues.integer(bufferCountRaw, "bufferCount");
    }

    public void setBufferCount(Integer bufferCount) {
        this.bufferCountRaw = XmlValues.decimal(bufferCount);
    }

    /** Raw {@code tryPoll} attribute text, {@code 'yes'|'no'}. */
    public String getTryPollRaw() {
        return tryPollRaw;
    }

    public void setTryPollRaw(String tryPollRaw) {
        this.tryPollRaw = tryPollRaw;
    }

    /** {@code tryPoll} attribute as Boolean, {@code null} if absent. */
    public Boolean getTryPoll() {
        return XmlValues.yesNo(tryPollRaw, "tryPoll");
    }

    public void setTryPoll(Boolean tryPoll) {
        this.tryPollRaw = XmlValues.yesNo(tryPoll);
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getClientName() {
        return clientName;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName;
    }

    public String getConnectPorts() {
        return connectPorts;
    }

    public void setConnectPorts(String connectPorts) {
        this.connectPorts = connectPorts;
    }

    /** Raw {@code exactName} attribute text, {@code 'yes'|'no'}. */
    public String getExactNameRaw() {
        return exactNameRaw;
    }

    public void setExactNameRaw(String exactNameRaw) {
        this.exactNameRaw = exactNameRaw;
    }

    /** {@code exactName} attribute as Boolean, {@code null} if absent. */
    public Boolean getExactName() {
        return XmlValues.yesNo(exactNameRaw, "exactName");
    }

    public void setExactName(Boolean exactName) {
        this.exactNameRaw = XmlValues.yesNo(exactName);
    }

    public DomainAudioSettings getSettings() {
        return settings;
    }

    public void setSettings(DomainAudioSettings settings) {
        this.settings = settings;
    }
}
