package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlType;
import org.w3c.dom.Element;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code <metadata>}: application data, each child in its own namespace, kept raw as DOM elements in
 * {@link #getExtra()} (formatdomain.html#general-metadata).
 */
@XmlType(propOrder = {"extra"})
public class DomainMetadata extends XmlCatchAll {

    public DomainMetadata() {
    }

    /** The child element with this namespace and local name, if any. */
    public Optional<Element> find(String namespaceUri, String localName) {
        return getExtra().stream()
                .filter(e -> Objects.equals(namespaceUri, e.getNamespaceURI()) && localName.equals(e.getLocalName()))
                .findFirst();
    }

    /** Replaces the child with the same namespace and local name as {@code element}, or appends it. */
    public void put(Element element) {
        for (int i = 0; i < getExtra().size(); i++) {
            Element e = getExtra().get(i);
            if (Objects.equals(element.getNamespaceURI(), e.getNamespaceURI())
                    && Objects.equals(element.getLocalName(), e.getLocalName())) {
                getExtra().set(i, element);
                return;
            }
        }
        getExtra().add(element);
    }
}
