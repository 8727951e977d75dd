package io.passthru.xml.domain;

import jakarta.xml.bind.annotation.XmlType;

/**
 * {@code <output mixingEngine='yes' fixedSettings='yes' voices='1' bufferLength='100' ...>} of an audio backend
 * (formatdomain.html#audio-backends). Which attributes apply depends on the backend type; all of them are in
 * {@link DomainAudioIOCommon}.
 */
@XmlType(propOrder = {"settings", "extra"})
public class DomainAudioOutput extends DomainAudioIOCommon {
    public DomainAudioOutput() {
    }
}
