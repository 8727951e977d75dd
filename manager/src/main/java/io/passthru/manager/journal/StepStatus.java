package io.passthru.manager.journal;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlType;

/**
 * How far a recorded step (or a recorded device of an attach or detach) got; its name in the record's
 * {@code stepStatus} and {@code status} attributes. A step is recorded {@link #STARTED} before its action runs, so a
 * crash leaves it started whether the action ran or not.
 */
@XmlType(name = "stepStatus")
@XmlEnum
public enum StepStatus {
    @XmlEnumValue("started") STARTED("started"),
    @XmlEnumValue("done") DONE("done"),
    @XmlEnumValue("failed") FAILED("failed");

    /** The name in the record and in messages. */
    public final String id;

    StepStatus(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return id;
    }
}
