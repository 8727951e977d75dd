package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <audio id='1' type='none'|'alsa'|'coreaudio'|'dbus'|'jack'|'oss'|'pipewire'|'pulseaudio'|'sdl'|'spice'|'file'>}:
 * an audio backend (formatdomain.html#audio-backends).
 */
@XmlRootElement(name = "audio")
@XmlType(propOrder = {"input", "output", "extra"})
public class DomainAudio extends XmlCatchAll {
    @XmlAttribute(name = "id")
    private String idRaw;
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "timerPeriod")
    private String timerPeriodRaw;
    @XmlAttribute(name = "tryMMap")
    private String tryMMapRaw;
    @XmlAttribute(name = "exclusive")
    private String exclusiveRaw;
    @XmlAttribute(name = "dspPolicy")
    private String dspPolicyRaw;
    @XmlAttribute(name = "serverName")
    private String serverName;
    @XmlAttribute(name = "driver")
    private String driver;
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "runtimeDir")
    private String runtimeDir;
    @XmlElement(name = "input")
    private DomainAudioInput input;
    @XmlElement(name = "output")
    private DomainAudioOutput output;

    public DomainAudio() {
    }

    /** Raw {@code id} attribute text, number (decimal or 0x hex). */
    public String getIdRaw() {
        return idRaw;
    }

    public void setIdRaw(String idRaw) {
        this.idRaw = idRaw;
    }

    /** {@code id} attribute as Integer, {@code null} if absent. */
    public Integer getId() {
        return XmlValues.integer(idRaw, "id");
    }

    public void setId(Integer id) {
        this.idRaw = XmlValues.decimal(id);
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code timerPeriod} attribute text, number (decimal or 0x hex). */
    public String getTimerPeriodRaw() {
        return timerPeriodRaw;
    }

    public void setTimerPeriodRaw(String timerPeriodRaw) {
        this.timerPeriodRaw = timerPeriodRaw;
    }

    /** {@code timerPeriod} attribute as Integer, {@code null} if absent. */
    public Integer getTimerPeriod() {
        return XmlValues.integer(timerPeriodRaw, "timerPeriod");
    }

    public void setTimerPeriod(Integer timerPeriod) {
        this.timerPeriodRaw = XmlValues.decimal(timerPeriod);
    }

    /** Raw {@code tryMMap} attribute text, {@code 'yes'|'no'}. */
    public String getTryMMapRaw() {
        return tryMMapRaw;
    }

    public void setTryMMapRaw(String tryMMapRaw) {
        this.tryMMapRaw = tryMMapRaw;
    }

    /** {@code tryMMap} attribute as Boolean, {@code null} if absent. */
    public Boolean getTryMMap() {
        return XmlValues.yesNo(tryMMapRaw, "tryMMap");
    }

    public void setTryMMap(Boolean tryMMap) {
        this.tryMMapRaw = XmlValues.yesNo(tryMMap);
    }

    /** Raw {@code exclusive} attribute text, {@code 'yes'|'no'}. */
    public String getExclusiveRaw() {
        return exclusiveRaw;
    }

    public void setExclusiveRaw(String exclusiveRaw) {
        this.exclusiveRaw = exclusiveRaw;
    }

    /** {@code exclusive} attribute as Boolean, {@code null} if absent. */
    public Boolean getExclusive() {
        return XmlValues.yesNo(exclusiveRaw, "exclusive");
    }

    public void setExclusive(Boolean exclusive) {
        this.exclusiveRaw = XmlValues.yesNo(exclusive);
    }

    /** Raw {@code dspPolicy} attribute text, number (decimal or 0x hex). */
    public String getDspPolicyRaw() {
        return dspPolicyRaw;
    }

    public void setDspPolicyRaw(String dspPolicyRaw) {
        this.dspPolicyRaw = dspPolicyRaw;
    }

    /** {@code dspPolicy} attribute as Integer, {@code null} if absent. */
    public Integer getDspPolicy() {
        return XmlValues.integer(dspPolicyRaw, "dspPolicy");
    }

    public void setDspPolicy(Integer dspPolicy) {
        this.dspPolicyRaw = XmlValues.decimal(dspPolicy);
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public String getDriver() {
        return driver;
    }

    public void setDriver(String driver) {
        this.driver = driver;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getRuntimeDir() {
        return runtimeDir;
    }

    public void setRuntimeDir(String runtimeDir) {
        this.runtimeDir = runtimeDir;
    }

    public DomainAudioInput getInput() {
        return input;
    }

    public void setInput(DomainAudioInput input) {
        this.input = input;
    }

    public DomainAudioOutput getOutput() {
        return output;
    }

    public void setOutput(DomainAudioOutput output) {
        this.output = output;
    }
}
