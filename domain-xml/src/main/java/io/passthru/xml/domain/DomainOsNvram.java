package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlMixed;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <nvram template='..' format='raw' templateFormat='raw'>/var/lib/libvirt/qemu/nvram/vm_VARS.fd</nvram>} or, for {@code type='file|network'}, a {@code <source>} child (formatdomain.html#operating-system-booting). The path text and the source element are kept in document order in {@link #getContent()} (text as {@code String}, elements as DOM).
 */
public class DomainOsNvram extends XmlAttributeCatchAll {
    @XmlAttribute(name = "template")
    private String template;
    @XmlAttribute(name = "templateFormat")
    private String templateFormat;
    @XmlAttribute(name = "format")
    private String format;
    @XmlAttribute(name = "type")
    private String type;
    @XmlMixed
    @XmlAnyElement
    private List<Object> content;

    public DomainOsNvram() {
    }

    /** Raw {@code template} attribute, {@code null} if absent. */
    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    /** Raw {@code templateFormat} attribute, {@code null} if absent. */
    public String getTemplateFormat() {
        return templateFormat;
    }

    public void setTemplateFormat(String templateFormat) {
        this.templateFormat = templateFormat;
    }

    /** Raw {@code format} attribute, {@code null} if absent. */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** Raw {@code type} attribute, {@code null} if absent. */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /** Text ({@code String}) and child elements (DOM) in document order; live, never {@code null}. */
    public List<Object> getContent() {
        if (content == null) {
            content = new ArrayList<>();
        }
        return content;
    }

    /** The text content (trimmed), or {@code null} if there is none. */
    public String getText() {
        if (content == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        content.stream().filter(String.class::isInstance).forEach(o -> sb.append((String) o));
        String t = sb.toString().trim();
        return t.isEmpty() ? null : t;
    }

    /** Replaces the content by {@code text}. */
    public void setText(String text) {
        getContent().clear();
        if (text != null) {
            content.add(text);
        }
    }
}
