package io.passthru.xml;

import org.w3c.dom.Element;

import java.util.Objects;

/**
 * A whole XML document (or device fragment) whose root element the typed model does not know, kept as a DOM
 * {@link Element} so that it is written back unchanged: returned by {@link XmlCodec#unmarshalAny(String)} for roots
 * such as {@code <rng>} or {@code <watchdog>} when no typed class exists, and accepted by
 * {@link XmlCodec#marshal(Object)}.
 */
public final class XmlGenericElement {
    private final Element element;

    public XmlGenericElement(Element element) {
        this.element = Objects.requireNonNull(element, "element");
    }

    /** The kept root element (live). */
    public Element getElement() {
        return element;
    }

    /** Local name of the root element, e.g. {@code "rng"}. */
    public String getName() {
        return XmlCatchAll.localNameOf(element);
    }
}
