package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <idmap>} of a virtiofs filesystem: uid/gid mappings.
 */
@XmlType(propOrder = {"uids", "gids", "extra"})
public class DomainFilesystemIdmap extends XmlCatchAll {
    @XmlElement(name = "uid")
    private List<DomainFilesystemIdmapEntry> uids;
    @XmlElement(name = "gid")
    private List<DomainFilesystemIdmapEntry> gids;

    public DomainFilesystemIdmap() {
    }

    /** The {@code <uid>} elements in document order; live, never {@code null}. */
    public List<DomainFilesystemIdmapEntry> getUids() {
        if (uids == null) {
            uids = new ArrayList<>();
        }
        return uids;
    }

    /** The {@code <gid>} elements in document order; live, never {@code null}. */
    public List<DomainFilesystemIdmapEntry> getGids() {
        if (gids == null) {
            gids = new ArrayList<>();
        }
        return gids;
    }
}
