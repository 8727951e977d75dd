package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <backend type='passthrough'|'emulator'|'external' version='2.0' persistent_state='yes' debug='0'>} of a TPM
 * (formatdomain.html#tpm-device).
 */
@XmlType(propOrder = {"device", "encryption", "source", "activePcrBanks", "profile", "extra"})
public class DomainTpmBackend extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "version")
    private String version;
    @XmlAttribute(name = "persistent_state")
    private String persistentStateRaw;
    @XmlAttribute(name = "debug")
    private String debugRaw;
    @XmlElement(name = "device")
    private DomainTpmBackendDevice device;
    @XmlElement(name = "encryption")
    private DomainTpmBackendEncryption encryption;
    @XmlElement(name = "source")
    private DomainTpmBackendSource source;
    @XmlElement(name = "active_pcr_banks")
    private DomainTpmBackendActivePcrBanks activePcrBanks;
    @XmlElement(name = "profile")
    private DomainTpmBackendProfile profile;

    public DomainTpmBackend() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    /** Raw {@code persistent_state} attribute text, {@code 'yes'|'no'}. */
    public String getPersistentStateRaw() {
        return persistentStateRaw;
    }

    public void setPersistentStateRaw(String persistentStateRaw) {
        this.persistentStateRaw = persistentStateRaw;
    }

    /** {@code persistent_state} attribute as Boolean, {@code null} if absent. */
    public Boolean getPersistentState() {
        return XmlValues.yesNo(persistentStateRaw, "persistent_state");
    }

    public void setPersistentState(Boolean persistentState) {
        this.persistentStateRaw = XmlValues.yesNo(persistentState);
    }

    /** Raw {@code debug} attribute text, number (decimal or 0x hex). */
    public String getDebugRaw() {
        return debugRaw;
    }

    public void setDebugRaw(String debugRaw) {
        this.debugRaw = debugRaw;
    }

    /** {@code debug} attribute as Integer, {@code null} if absent. */
    public Integer getDebug() {
        return XmlValues.integer(debugRaw, "debug");
    }

    public void setDebug(Integer debug) {
        this.debugRaw = XmlValues.decimal(debug);
    }

    public DomainTpmBackendDevice getDevice() {
        return device;
    }

    public void setDevice(DomainTpmBackendDevice device) {
        this.device = device;
    }

    public DomainTpmBackendEncryption getEncryption() {
        return encryption;
    }

    public void setEncryption(DomainTpmBackendEncryption encryption) {
        this.encryption = encryption;
    }

    public DomainTpmBackendSource getSource() {
        return source;
    }

    public void setSource(DomainTpmBackendSource source) {
        this.source = source;
    }

    public DomainTpmBackendActivePcrBanks getActivePcrBanks() {
        return activePcrBanks;
    }

    public void setActivePcrBanks(DomainTpmBackendActivePcrBanks activePcrBanks) {
        this.activePcrBanks = activePcrBanks;
    }

    public DomainTpmBackendProfile getProfile() {
        return profile;
    }

    public void setProfile(DomainTpmBackendProfile profile) {
        this.profile = profile;
    }
}
