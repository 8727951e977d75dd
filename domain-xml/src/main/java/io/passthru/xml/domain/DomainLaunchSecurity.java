package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <launchSecurity type='sev|sev-snp|s390-pv|tdx'>} (formatdomain.html#launch-security); common children typed, others (tdx quoteGenerationService, ...) kept by the catch-all.
 */
@XmlType(propOrder = {"cbitpos", "reducedPhysBits", "policy", "dhCert", "session", "guestVisibleWorkarounds", "idBlock", "idAuth", "hostData", "mrConfigId", "mrOwner", "mrOwnerConfig", "extra"})
public class DomainLaunchSecurity extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;
    @XmlAttribute(name = "kernelHashes")
    private String kernelHashes;
    @XmlAttribute(name = "authorKey")
    private String authorKey;
    @XmlAttribute(name = "vcek")
    private String vcek;
    @XmlElement(name = "cbitpos")
    private String cbitpos;
    @XmlElement(name = "reducedPhysBits")
    private String reducedPhysBits;
    @XmlElement(name = "policy")
    private String policy;
    @XmlElement(name = "dhCert")
    private String dhCert;
    @XmlElement(name = "session")
    private String session;
    @XmlElement(name = "guestVisibleWorkarounds")
    private String guestVisibleWorkarounds;
    @XmlElement(name = "idBlock")
    private String idBlock;
    @XmlElement(name = "idAuth")
    private String idAuth;
    @XmlElement(name = "hostData")
    private String hostData;
    @XmlElement(name = "mrConfigId")
    private String mrConfigId;
    @XmlElement(name = "mrOwner")
    private String mrOwner;
    @XmlElement(name = "mrOwnerConfig")
    private String mrOwnerConfig;

    public DomainLaunchSecurity() {
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Raw {@code kernelHashes} attribute, {@code null} if absent. */
    public String getKernelHashes() {
        return kernelHashes;
    }

    public void setKernelHashes(String kernelHashes) {
        this.kernelHashes = kernelHashes;
    }

    /** Raw {@code authorKey} attribute, {@code null} if absent. */
    public String getAuthorKey() {
        return authorKey;
    }

    public void setAuthorKey(String authorKey) {
        this.authorKey = authorKey;
    }

    /** Raw {@code vcek} attribute, {@code null} if absent. */
    public String getVcek() {
        return vcek;
    }

    public void setVcek(String vcek) {
        this.vcek = vcek;
    }

    /** {@code <cbitpos>}, {@code null} if absent. */
    public String getCbitpos() {
        return cbitpos;
    }

    public void setCbitpos(String cbitpos) {
        this.cbitpos = cbitpos;
    }

    /** {@code <reducedPhysBits>}, {@code null} if absent. */
    public String getReducedPhysBits() {
        return reducedPhysBits;
    }

    public void setReducedPhysBits(String reducedPhysBits) {
        this.reducedPhysBits = reducedPhysBits;
    }

    /** {@code <policy>}, {@code null} if absent. */
    public String getPolicy() {
        return policy;
    }

    public void setPolicy(String policy) {
        this.policy = policy;
    }

    /** {@code <dhCert>}, {@code null} if absent. */
    public String getDhCert() {
        return dhCert;
    }

    public void setDhCert(String dhCert) {
        this.dhCert = dhCert;
    }

    /** {@code <session>}, {@code null} if absent. */
    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    /** {@code <guestVisibleWorkarounds>}, {@code null} if absent. */
    public String getGuestVisibleWorkarounds() {
        return guestVisibleWorkarounds;
    }

    public void setGuestVisibleWorkarounds(String guestVisibleWorkarounds) {
        this.guestVisibleWorkarounds = guestVisibleWorkarounds;
    }

    /** {@code <idBlock>}, {@code null} if absent. */
    public String getIdBlock() {
        return idBlock;
    }

    public void setIdBlock(String idBlock) {
        this.idBlock = idBlock;
    }

    /** {@code <idAuth>}, {@code null} if absent. */
    public String getIdAuth() {
        return idAuth;
    }

    public void setIdAuth(String idAuth) {
        this.idAuth = idAuth;
    }

    /** {@code <hostData>}, {@code null} if absent. */
    public String getHostData() {
        return hostData;
    }

    public void setHostData(String hostData) {
        this.hostData = hostData;
    }

    /** {@code <mrConfigId>}, {@code null} if absent. */
    public String getMrConfigId() {
        return mrConfigId;
    }

    public void setMrConfigId(String mrConfigId) {
        this.mrConfigId = mrConfigId;
    }

    /** {@code <mrOwner>}, {@code null} if absent. */
    public String getMrOwner() {
        return mrOwner;
    }

    public void setMrOwner(String mrOwner) {
        this.mrOwner = mrOwner;
    }

    /** {@code <mrOwnerConfig>}, {@code null} if absent. */
    public String getMrOwnerConfig() {
        return mrOwnerConfig;
    }

    public void setMrOwnerConfig(String mrOwnerConfig) {
        this.mrOwnerConfig = mrOwnerConfig;
    }
}
