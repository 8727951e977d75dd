package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <cookies>} of an http(s) disk source.
 */
@XmlType(propOrder = {"cookies", "extra"})
public class DomainDiskCookies extends XmlCatchAll {
    @XmlElement(name = "cookie")
    private List<DomainDiskCookie> cookies;

    public DomainDiskCookies() {
    }

    /** The {@code <cookie>} elements in document order; live, never {@code null}. */
    public List<DomainDiskCookie> getCookies() {
        if (cookies == null) {
            cookies = new ArrayList<>();
        }
        return cookies;
    }
}
