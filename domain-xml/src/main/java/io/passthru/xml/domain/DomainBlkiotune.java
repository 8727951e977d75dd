package io.passthru.xml.domain;

import io.passthru.xml.XmlCatchAll;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <blkiotune>} (formatdomain.html#block-i-o-tuning).
 */
@XmlType(propOrder = {"weight", "devices", "extra"})
public class DomainBlkiotune extends XmlCatchAll {
    @XmlElement(name = "weight")
    private String weight;
    @XmlElement(name = "device")
    private List<DomainBlkiotuneDevice> devices;

    public DomainBlkiotune() {
    }

    /** {@code <weight>}, {@code null} if absent. */
    public String getWeight() {
        return weight;
    }

    public void setWeight(String weight) {
        this.weight = weight;
    }

    /** The {@code <device>} children in document order; live, never {@code null}. */
    public List<DomainBlkiotuneDevice> getDevices() {
        if (devices == null) {
            devices = new ArrayList<>();
        }
        return devices;
    }
}
