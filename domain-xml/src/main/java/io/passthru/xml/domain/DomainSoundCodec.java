package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <codec type='duplex'|'micro'|'output'/>} of an ich6/ich7/ich9 sound device.
 */
@XmlType(propOrder = {"extra"})
public class DomainSoundCodec extends XmlCatchAll {
    @XmlAttribute(name = "type")
    private String type;

    public DomainSoundCodec() {
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }
}
