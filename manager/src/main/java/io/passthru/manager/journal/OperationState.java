package io.passthru.manager.journal;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlType;

/** Where a journaled operation stands; its name in the record's {@code state} attribute. */
@XmlType(name = "operationState")
@XmlEnum
public enum OperationState {
    /** Going forward. */
    @XmlEnumValue("running") RUNNING("running"),
    /** Compensating after a failure (rolling back to the source). */
    @XmlEnumValue("rolling-back") ROLLING_BACK("rolling-back"),
    /** Stopped with something left to do ({@link Operation#pending}); {@code passthru recover} finishes it. */
    @XmlEnumValue("incomplete") INCOMPLETE("incomplete");

    /** The name in the record and in messages. */
    public final String id;

    OperationState(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return id;
    }
}
