package io.passthru.xml.domain;

import io.passthru.xml.XmlAttributeCatchAll;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlMixed;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <backend model='random'>/dev/urandom</backend>} or {@code <backend model='egd' type='tcp'><source mode='connect'
 * host='..' service='..'/><protocol type='raw'/></backend>} or {@code <backend model='builtin'/>} of an RNG device
 * (formatdomain.html#random-number-generator-device).
 *
 * <p>The element has text (the random backend's device path) or child elements, so its content is one mixed list in
 * document order: {@link String} text, {@link DomainChardevSource}, {@link DomainChardevProtocol}, and DOM
 * {@link Element}s for anything else (the element catch-all of this class).
 */
public class DomainRngBackend extends XmlAttributeCatchAll {
    @XmlAttribute(name = "model")
    private String model;
    @XmlAttribute(name = "type")
    private String type;
    @XmlMixed
    @XmlElementRefs({
            @XmlElementRef(type = DomainChardevSource.class),
            @XmlElementRef(type = DomainChardevProtocol.class)})
    @XmlAnyElement
    private List<Object> content;

    public DomainRngBackend() {
    }

    /** {@code <backend model='random'>PATH</backend>}, e.g. {@code /dev/urandom}. */
    public static DomainRngBackend random(String path) {
        DomainRngBackend b = new DomainRngBackend();
        b.model = "random";
        b.setPath(path);
        return b;
    }

    /** {@code 'random'|'egd'|'builtin'}. */
    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    /** Character device type of an egd backend ({@code 'tcp'|'unix'|'udp'|...}). */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    /**
     * The content in document order: {@link String} text, {@link DomainChardevSource}, {@link DomainChardevProtocol}
     * or DOM {@link Element}; live, never {@code null}.
     */
    public List<Object> getContent() {
        if (content == null) {
            content = new ArrayList<>();
        }
        return content;
    }

    /** The text of a random backend (device path, whitespace trimmed), or {@code null} if there is none. */
    public String getPath() {
        if (content == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : content) {
            if (o instanceof String s) {
                sb.append(s);
            }
        }
        String t = sb.toString().strip();
        return t.isEmpty() ? null : t;
    }

    /** Replaces the text with {@code path} ({@code null}: no text), keeping the child elements. */
    public void setPath(String path) {
        getContent().removeIf(o -> o instanceof String);
        if (path != null) {
            content.add(0, path);
        }
    }

    /** The {@code <source>} elements of an egd backend (a snapshot). */
    public List<DomainChardevSource> sources() {
        List<DomainChardevSource> out = new ArrayList<>();
        for (Object o : getContent()) {
            if (o instanceof DomainChardevSource s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The {@code <protocol>} of an egd backend, or {@code null}. */
    public DomainChardevProtocol protocol() {
        for (Object o : getContent()) {
            if (o instanceof DomainChardevProtocol p) {
                return p;
            }
        }
        return null;
    }

    /** Child elements the model does not type, in document order (a snapshot). */
    public List<Element> extraElements() {
        List<Element> out = new ArrayList<>();
        for (Object o : getContent()) {
            if (o instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
