/**
 * The operation journal: passthru's intent and progress for a multi-step operation, kept in the domain's own
 * {@code <metadata>} (and mirrored in a local state file), so that a passthru process killed at any point leaves
 * enough for {@code passthru recover} to roll the operation back or forward.
 */
@XmlSchema(namespace = Operation.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED,
        xmlns = @XmlNs(prefix = Operation.PREFIX, namespaceURI = Operation.NAMESPACE))
package io.passthru.manager.journal;

import jakarta.xml.bind.annotation.XmlNs;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
