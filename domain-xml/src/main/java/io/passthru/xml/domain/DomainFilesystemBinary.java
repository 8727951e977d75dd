package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import io.passthru.xml.XmlValues;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <binary path='/usr/libexec/virtiofsd' xattr='on'>} of a virtiofs filesystem.
 */
@XmlType(propOrder = {"cache", "sandbox", "lock", "threadPool", "openFiles", "extra"})
public class DomainFilesystemBinary extends XmlCatchAll {
    @XmlAttribute(name = "path")
    private String path;
    @XmlAttribute(name = "xattr")
    private String xattrRaw;
    @XmlElement(name = "cache")
    private DomainFilesystemBinaryCache cache;
    @XmlElement(name = "sandbox")
    private DomainFilesystemBinarySandbox sandbox;
    @XmlElement(name = "lock")
    private DomainFilesystemBinaryLock lock;
    @XmlElement(name = "thread_pool")
    private DomainFilesystemBinaryThreadPool threadPool;
    @XmlElement(name = "openfiles")
    private DomainFilesystemBinaryOpenFiles openFiles;

    public DomainFilesystemBinary() {
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    /** Raw {@code xattr} attribute text, {@code 'on'|'off'}. */
    public String getXattrRaw() {
        return xattrRaw;
    }

    public void setXattrRaw(String xattrRaw) {
        this.xattrRaw = xattrRaw;
    }

    /** {@code xattr} attribute as Boolean, {@code null} if absent. */
    public Boolean getXattr() {
        return XmlValues.onOff(xattrRaw, "xattr");
    }

    public void setXattr(Boolean xattr) {
        this.xattrRaw = XmlValues.onOff(xattr);
    }

    public DomainFilesystemBinaryCache getCache() {
        return cache;
    }

    public void setCache(DomainFilesystemBinaryCache cache) {
        this.cache = cache;
    }

    public DomainFilesystemBinarySandbox getSandbox() {
        return sandbox;
    }

    public void setSandbox(DomainFilesystemBinarySandbox sandbox) {
        this.sandbox = sandbox;
    }

    public DomainFilesystemBinaryLock getLock() {
        return lock;
    }

    public void setLock(DomainFilesystemBinaryLock lock) {
        this.lock = lock;
    }

    public DomainFilesystemBinaryThreadPool getThreadPool() {
        return threadPool;
    }

    public void setThreadPool(DomainFilesystemBinaryThreadPool threadPool) {
        this.threadPool = threadPool;
    }

    public DomainFilesystemBinaryOpenFiles getOpenFiles() {
        return openFiles;
    }

    public void setOpenFiles(DomainFilesystemBinaryOpenFiles openFiles) {
        this.openFiles = openFiles;
    }
}
