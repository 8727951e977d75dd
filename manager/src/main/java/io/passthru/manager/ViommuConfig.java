package io.passthru.manager;

import io.passthru.manager.error.DomainNotFoundException;
import io.passthru.manager.error.InvalidRequestException;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import io.passthru.manager.viommu.ViommuPolicy;
import io.passthru.xml.XmlCodec;
import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainFeatureIoapic;
import io.passthru.xml.domain.DomainFeatures;
import io.passthru.xml.domain.DomainIommu;
import io.passthru.xml.domain.DomainIommuDriver;
import io.passthru.xml.domain.DomainOsType;

import java.util.Map;

/**
 * Gives a domain's persistent definition the virtual IOMMU {@link ViommuPolicy} decides ({@code viommu =
 * auto|intel|smmuv3|virtio|amd|none}, Nova's hw:viommu_model rules, checked against the host's domain capabilities):
 * replaces any {@code <iommu>} device, sets the driver attributes, and {@code <ioapic driver='qemu'/>} where
 * interrupt remapping needs it (libvirt formatdomain "IOMMU devices"). Takes effect at the next start. An
 * unsupported combination fails before anything is defined.
 */
public final class ViommuConfig {
    /** What was set: model null for "none"; {@code domainXml} is the new persistent definition. */
    public record Result(String domain, String model, Map<String, String> driver, String ioapicDriver,
                         String domainXml) {
    }

    static void setDriverAttribute(DomainIommuDriver drv, String name, String value) {
        switch (name) {
            case "intremap" -> drv.setIntremapRaw(value);
            case "caching_mode" -> drv.setCachingModeRaw(value);
            case "eim" -> drv.setEimRaw(value);
            case "iotlb" -> drv.setIotlbRaw(value);
            case "aw_bits" -> drv.setAwBitsRaw(value);
            case "dma_translation" -> drv.setDmaTranslationRaw(value);
            case "xtsup" -> drv.setXtsupRaw(value);
            case "passthrough" -> drv.setPassthroughRaw(value);
            case "granule" -> drv.setGranule(value);
            default -> drv.setExtraAttribute(name, value); // attributes of libvirt releases newer than this model
        }
    }

    /**
     * Parses {@code option} ({@link ViommuPolicy.Option#parse}) before anything else, then as
     * {@link #apply(Host, String, ViommuPolicy.Option)}.
     *
     * @throws InvalidRequestException for an unknown option (no domain was looked up)
     */
    public Result apply(Host host, String domainName, String option) {
        return apply(host, domainName, ViommuPolicy.Option.parse(option));
    }

    /**
     * Redefines {@code domainName} (name or UUID) on {@code host} with the vIOMMU {@code option} calls for.
     *
     * @throws DomainNotFoundException when there is no such domain
     * @throws InvalidRequestException when the combination is not supported (nothing was defined)
     */
    public Result apply(Host host, String domainName, ViommuPolicy.Option option) {
        org.libvirt.Domain dom = host.domain(domainName);
        String xml = Domains.xmlForDefine(dom, "read persistent XML of '" + domainName + "'");
        Domain d = XmlCodec.unmarshal(xml, Domain.class);
        DomainOsType type = d.getOs() == null ? null : d.getOs().getType();
        String arch = type == null ? null : type.getArch();
        String machine = type == null ? null : type.getMachine();
        String virtType = d.getType() == null ? "kvm" : d.getType();
        ViommuPolicy.Decision decision = ViommuPolicy.decide(option, arch, machine, host.libvirtVersion(),
                host.domainCapabilities(arch, machine, virtType));

        d.devices().iommus().forEach(i -> d.devices().remove(i));
        if (decision.model() != null) {
            DomainIommu iommu = DomainIommu.of(decision.model());
            if (!decision.driver().isEmpty()) {
                DomainIommuDriver drv = iommu.driver();
                decision.driver().forEach((name, value) -> setDriverAttribute(drv, name, value));
            }
            d.devices().add(iommu);
        }
        if (decision.ioapicDriver() != null) {
            DomainFeatures f = d.getFeatures() == null ? new DomainFeatures() : d.getFeatures();
            DomainFeatureIoapic ioapic = f.getIoapic() == null ? new DomainFeatureIoapic() : f.getIoapic();
            ioapic.setDriver(decision.ioapicDriver());
            f.setIoapic(ioapic);
            d.setFeatures(f);
        }
        String newXml = XmlCodec.marshal(d);
        host.define(newXml, "define '" + domainName + "' with vIOMMU " + decision.model());
        return new Result(domainName, decision.model(), decision.driver(), decision.ioapicDriver(), newXml);
    }
}
