package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cachetune vcpus='0-3'>} (formatdomain.html#cpu-tuning); vcpus, id and monitors are in
 * {@link DomainCputuneResctrl}.
 */
@XmlType(propOrder = {"caches", "monitors", "extra"})
public class DomainCputuneCachetune extends DomainCputuneResctrl {
    @XmlElement(name = "cache")
    private List<DomainCputuneCachetuneCache> caches;

    public DomainCputuneCachetune() {
    }

    /** The {@code <cache>} children in document order; live, never {@code null}. */
    public List<DomainCputuneCachetuneCache> getCaches() {
        if (caches == null) {
            caches = new ArrayList<>();
        }
        return caches;
    }
}
