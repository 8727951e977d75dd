package io.passthru.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlTransient;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Base of the model classes with child elements: every child element the model does not name is kept as a DOM
 * {@link Element} in {@link #getExtra()} (in document order, written back after the typed children), and every
 * unnamed attribute in {@link #getExtraAttributes()}. So what libvirt adds in a later version survives
 * unmarshal → marshal.
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class XmlCatchAll extends XmlAttributeCatchAll {
    @XmlAnyElement
    private List<Element> extra;

    /** Child elements not modelled by the typed fields, in document order; live, never {@code null}. */
    public List<Element> getExtra() {
        if (extra == null) {
            extra = new ArrayList<>();
        }
        return extra;
    }

    /** First unmodelled child element with this local name (any namespace). */
    public Optional<Element> findExtra(String localName) {
        if (extra == null) {
            return Optional.empty();
        }
        return extra.stream().filter(e -> localName.equals(localNameOf(e))).findFirst();
    }

    static String localNameOf(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
