package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <idmap>} user and group id maps of a container (formatdomain.html#container-boot).
 */
@XmlType(propOrder = {"uids", "gids", "extra"})
public class DomainIdmap extends XmlCatchAll {
    @XmlElement(name = "uid")
    private List<DomainIdmapRange> uids;
    @XmlElement(name = "gid")
    private List<DomainIdmapRange> gids;

    public DomainIdmap() {
    }

    /** The {@code <uid>} children in document order; live, never {@code null}. */
    public List<DomainIdmapRange> getUids() {
        if (uids == null) {
            uids = new ArrayList<>();
        }
        return uids;
    }

    /** The {@code <gid>} children in document order; live, never {@code null}. */
    public List<DomainIdmapRange> getGids() {
        if (gids == null) {
            gids = new ArrayList<>();
        }
        return gids;
    }
}
