/**
 * JAXB model of libvirt domain capabilities XML ({@code virsh domcapabilities}, formatdomaincaps.html), root
 * {@link io.passthru.xml.domcaps.DomainCapabilities}. Every class keeps unknown child elements and attributes
 * ({@link io.passthru.xml.XmlCatchAll}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
package io.passthru.xml.domcaps;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
