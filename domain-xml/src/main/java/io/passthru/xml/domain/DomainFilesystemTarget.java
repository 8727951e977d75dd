package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <target dir='mount_tag'/>} of a filesystem.
 */
@XmlType(propOrder = {"extra"})
public class DomainFilesystemTarget extends XmlCatchAll {
    @XmlAttribute(name = "dir")
    private String dir;

    public DomainFilesystemTarget() {
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = dir;
    }
}
