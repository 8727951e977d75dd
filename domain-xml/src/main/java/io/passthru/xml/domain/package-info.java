/**
 * JAXB model of libvirt domain XML (formatdomain.html), classes named after the XML path in the style of libvirt's
 * Go XML module ({@code DomainHostdev} = {@code /domain/devices/hostdev}). Optional values are nullable, so an
 * absent attribute and {@code 'no'} stay different. Every class keeps unknown child elements and attributes
 * ({@link io.passthru.xml.XmlCatchAll}) so that unmarshal → marshal loses nothing; numbers and flags are stored as
 * the original strings, with typed accessors. Read and write with {@link io.passthru.xml.XmlCodec}.
 */
@XmlAccessorType(XmlAccessType.FIELD)
package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
