package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <filterref filter='clean-traffic'>} (formatdomain.html#traffic-filtering-with-nwfilter).
 */
@XmlType(propOrder = {"parameters", "extra"})
public class DomainInterfaceFilterref extends XmlCatchAll {
    @XmlAttribute(name = "filter")
    private String filter;
    @XmlElement(name = "parameter")
    private List<DomainInterfaceFilterrefParameter> parameters;

    public DomainInterfaceFilterref() {
    }

    /** Raw {@code filter} attribute, {@code null} if absent. */
    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    /** The {@code <parameter>} children in document order; live, never {@code null}. */
    public List<DomainInterfaceFilterrefParameter> getParameters() {
        if (parameters == null) {
            parameters = new ArrayList<>();
        }
        return parameters;
    }
}
