/**
 * JAXB model of libvirt node device XML ({@code virsh nodedev-dumpxml}, formatnode.html), root
 * {@link io.passthru.xml.nodedev.NodeDevice}. Numbers are kept as the original strings with typed helpers; every
 * class keeps unknown child elements and attributes ({@link io.passthru.xml.XmlCatchAll}).
 */
@XmlAccessorType(XmlAccessType.FIELD)
package io.passthru.xml.nodedev;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
