package io.passthru.manager.journal;

import jakarta.xml.bind.annotation.XmlEnum;
import jakarta.xml.bind.annotation.XmlEnumValue;
import jakarta.xml.bind.annotation.XmlType;

/** What a journaled operation does; its name in the record's {@code kind} attribute. */
@XmlType(name = "operationKind")
@XmlEnum
public enum OperationKind {
    /** {@code passthru migrate} (and each guest of {@code passthru evacuate}). */
    @XmlEnumValue("migrate") MIGRATE("migrate"),
    /** {@code passthru attach}: all or nothing. */
    @XmlEnumValue("attach") ATTACH("attach"),
    /** {@code passthru detach}: done once the guest released the device. */
    @XmlEnumValue("detach") DETACH("detach"),
    /** {@code passthru define} with devices: done once no other definition holds one of them. */
    @XmlEnumValue("define") DEFINE("define");

    /** The name in the record and in messages. */
    public final String id;

    OperationKind(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return id;
    }
}
