package io.passthru.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

import javax.xml.namespace.QName;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of the model classes whose element holds text only ({@code <memory unit='KiB'>1024</memory>}): every
 * attribute the model does not name is kept in {@link #getExtraAttributes()} and written back unchanged.
 * (JAXB does not allow an element catch-all next to element text, so these classes have attributes only; libvirt
 * defines no child elements for them.)
 */
@XmlTransient
@XmlAccessorType(XmlAccessType.FIELD)
public abstract class XmlAttributeCatchAll {
    @XmlAnyAttribute
    private Map<QName, String> extraAttributes;

    /** Attributes not modelled by the typed fields, in document order; live, never {@code null}. */
    public Map<QName, String> getExtraAttributes() {
        if (extraAttributes == null) {
            extraAttributes = new LinkedHashMap<>();
        }
        return extraAttributes;
    }

    /** Value of an unmodelled attribute without namespace, or {@code null}. */
    public String getExtraAttribute(String localName) {
        return extraAttributes == null ? null : extraAttributes.get(new QName(localName));
    }

    /** Sets (or, with {@code null}, removes) an unmodelled attribute without namespace. */
    public void setExtraAttribute(String localName, String value) {
        if (value == null) {
            if (extraAttributes != null) {
                extraAttributes.remove(new QName(localName));
            }
        } else {
            getExtraAttributes().put(new QName(localName), value);
        }
    }
}
