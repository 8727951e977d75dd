package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <source>} of a memory device: host pages, NUMA nodes or backing file (formatdomain.html#memory-devices).
 */
@XmlType(propOrder = {"pageSize", "nodeMask", "path", "alignSize", "pmem", "extra"})
public class DomainMemorydevSource extends XmlCatchAll {
    @XmlElement(name = "pagesize")
    private DomainMemory pageSize;
    @XmlElement(name = "nodemask")
    private String nodeMask;
    @XmlElement(name = "path")
    private String path;
    @XmlElement(name = "alignsize")
    private DomainMemory alignSize;
    @XmlElement(name = "pmem")
    private DomainMemorydevSourcePmem pmem;

    public DomainMemorydevSource() {
    }

    public DomainMemory getPageSize() {
        return pageSize;
    }

    public void setPageSize(DomainMemory pageSize) {
        this.pageSize = pageSize;
    }

    public String getNodeMask() {
        return nodeMask;
    }

    public void setNodeMask(String nodeMask) {
        this.nodeMask = nodeMask;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public DomainMemory getAlignSize() {
        return alignSize;
    }

    public void setAlignSize(DomainMemory alignSize) {
        this.alignSize = alignSize;
    }

    public DomainMemorydevSourcePmem getPmem() {
        return pmem;
    }

    public void setPmem(DomainMemorydevSourcePmem pmem) {
        this.pmem = pmem;
    }
}
