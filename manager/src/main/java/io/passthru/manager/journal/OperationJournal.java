package io.passthru.manager.journal;

import io.passthru.PassthruException;
import io.passthru.manager.error.RecordMovedException;
import io.passthru.manager.libvirt.Domains;
import io.passthru.manager.libvirt.Host;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import org.libvirt.Domain;

import javax.xml.XMLConstants;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes {@link Operation} records: in the domain's {@code <metadata>} under
 * {@value Operation#NAMESPACE} ({@code virDomainSetMetadata} with {@code VIR_DOMAIN_METADATA_ELEMENT}, on the live
 * definition when the domain runs and on the persistent one when it has one, so the record travels with a live
 * migration and survives a restart of the guest), and in a local mirror file
 * {@code STATE_DIR/operations/UUID.xml} ({@code STATE_DIR}: {@code $PASSTHRU_STATE_DIR}, default
 * {@code /var/lib/passthru}), which lets {@code passthru recover} find an operation whose domain has left the host
 * it was asked about.
 */
public final class OperationJournal {
    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(Operation.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path mirrorDir;

    /** The journal with the mirror under {@code $PASSTHRU_STATE_DIR} (default {@code /var/lib/passthru}). */
    public OperationJournal() {
        this(defaultStateDir().resolve("operations"));
    }

    public OperationJournal(Path mirrorDir) {
        this.mirrorDir = mirrorDir;
    }

    static Path defaultStateDir() {
        String dir = System.getenv("PASSTHRU_STATE_DIR");
        return Path.of(dir == null || dir.isBlank() ? "/var/lib/passthru" : dir);
    }

    /** The operation recorded in {@code dom}'s metadata (live definition when running), if any. */
    public Optional<Operation> read(Domain dom) {
        String xml = Domains.elementMetadata(dom, Operation.NAMESPACE, Domains.AFFECT_CURRENT,
                "read passthru's operation record from the domain metadata").orElse(null);
        return xml == null || xml.isBlank() ? Optional.empty() : Optional.of(fromXml(xml));
    }

    /**
     * Writes {@code op} into {@code dom}'s metadata (live and persistent as the domain has them) and the local
     * mirror, after refreshing the lease's heartbeat, as a compare-and-set: the record is read again first, and the
     * write is refused when it holds another operation, or this one at another generation than {@code op}'s (another
     * process wrote it meanwhile); a new record ({@link Operation#generation} 0) needs the domain to hold none. The
     * generation is incremented by the write. The caller holds the domain's {@link OperationLock}, which orders the
     * writers of this machine; the re-read catches the writers of other machines.
     *
     * @throws RecordMovedException when the record moved (nothing was written)
     * @throws PassthruException    when libvirt refuses the read or the write (the operation must then not go on)
     */
    public void write(Domain dom, Operation op) {
        requireUnmoved(dom, op, read(dom));
        if (op.lease != null) {
            op.lease.heartbeat = Instant.now().toString();
        }
        op.generation++;
        String xml = toLibvirtXml(op);
        try {
            setRecord(dom, xml, Operation.PREFIX, "record operation " + op.id + " (step " + op.step + ") in the "
                    + "metadata of domain '" + op.domain + "'");
        } catch (PassthruException e) { // libvirt refused: the record keeps its generation
            op.generation--;
            throw e;
        }
        writeMirror(op);
    }

    /**
     * Removes the operation record from {@code dom} (live and persistent) and the mirror, when the domain still holds
     * this very record (compare-and-set as {@link #write}).
     *
     * @throws RecordMovedException when the domain holds another record, or this one at another generation
     */
    public void clear(Domain dom, Operation op) {
        Optional<Operation> now = read(dom);
        if (now.isEmpty()) {
            clearMirror(op);
            return; // already cleared (by this operation's earlier attempt, or recovery that finished it)
        }
        requireUnmoved(dom, op, now);
        setRecord(dom, null, null, "remove operation " + op.id + " from the metadata of domain '" + op.domain
                + "'");
        clearMirror(op);
    }

    /**
     * Sets (or with {@code xml} null removes) the record on the live and the persistent definition the domain has.
     * The usual domain, running and persistent, takes one call: live and config at once. libvirt checks both before
     * it changes either (virDomainObjGetDefs: "domain is not running", "transient domains do not have any persistent
     * config"), so when that is refused the domain's state is read and the definitions it has are set instead.
     */
    private static void setRecord(Domain dom, String xml, String prefix, String what) {
        int both = Domains.AFFECT_LIVE | Domains.AFFECT_CONFIG;
        try {
            Domains.setElementMetadata(dom, xml, prefix, Operation.NAMESPACE, both, what);
        } catch (PassthruException e) {
            int flags;
            try {
                flags = (Host.isActive(dom) ? Domains.AFFECT_LIVE : 0)
                        | (Host.isPersistent(dom) ? Domains.AFFECT_CONFIG : 0);
            } catch (PassthruException unread) {
                e.addSuppressed(unread);
                throw e;
            }
            if (flags == both) {
                throw e;
            }
            Domains.setElementMetadata(dom, xml, prefix, Operation.NAMESPACE, flags, what);
        }
    }

    /** The compare of {@link #write}'s compare-and-set; {@code now} is the record the domain holds. */
    static void requireUnmoved(Domain dom, Operation op, Optional<Operation> now) {
        boolean fresh = op.generation == 0;
        if (fresh ? now.isEmpty() || now.get().id.equals(op.id) && now.get().generation == 0
                : now.isPresent() && now.get().id.equals(op.id) && now.get().generation == op.generation) {
            return;
        }
        String found = now.map(o -> "operation " + o.id + " (" + o.kind + ", step " + o.step + " " + o.stepStatus
                + ", generation " + o.generation + ", " + Leases.describe(o.lease) + ")").orElse("no record");
        throw new RecordMovedException("the operation record of domain '" + op.domain + "' moved: expected "
                + (fresh ? "none" : "operation " + op.id + " at generation " + op.generation) + ", found " + found
                + ": another passthru process wrote it meanwhile; this one stops here and changes nothing more "
                + "(passthru recover " + op.domain + " shows where the guest is)");
    }

    /** The mirror's record for domain UUID {@code uuid}, if any. */
    public Optional<Operation> readMirror(String uuid) {
        Path p = mirrorDir.resolve(uuid + ".xml");
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromXml(Files.readString(p)));
        } catch (IOException | PassthruException e) {
            return Optional.empty();
        }
    }

    /** Mirror records whose domain name is {@code name}. */
    public List<Operation> mirrorsByName(String name) {
        List<Operation> out = new ArrayList<>();
        if (!Files.isDirectory(mirrorDir)) {
            return out;
        }
        try (var files = Files.list(mirrorDir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                try {
                    Operation op = fromXml(Files.readString(p));
                    if (name.equals(op.domain) || name.equals(op.domainUuid)) {
                        out.add(op);
                    }
                } catch (IOException | PassthruException e) {
                    // an unreadable mirror file is skipped: the domain's metadata is the authority
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Writes the mirror file of {@code op} atomically (best effort: the domain metadata is the authority). */
    public void writeMirror(Operation op) {
        if (op.domainUuid == null) {
            return;
        }
        try {
            Files.createDirectories(mirrorDir);
            Path tmp = mirrorDir.resolve(op.domainUuid + ".xml.tmp");
            Files.writeString(tmp, toXml(op), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, mirrorDir.resolve(op.domainUuid + ".xml"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, mirrorDir.resolve(op.domainUuid + ".xml"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // not fatal: recovery reads the domain's metadata first
        }
    }

    public void clearMirror(Operation op) {
        if (op.domainUuid == null) {
            return;
        }
        try {
            Files.deleteIfExists(mirrorDir.resolve(op.domainUuid + ".xml"));
        } catch (IOException e) {
            // a stale mirror file is ignored once the domain's metadata has no record
        }
    }

    /** The record as libvirt stores it: one element in {@value Operation#NAMESPACE}, no XML declaration. */
    public static String toXml(Operation op) {
        try {
            Marshaller m = CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            StringWriter w = new StringWriter();
            m.marshal(op, w);
            return w.toString();
        } catch (JAXBException e) {
            throw new PassthruException("cannot write operation record: " + e.getMessage(), e);
        }
    }

    /**
     * The record without namespace declarations, as {@code virDomainSetMetadata} takes it: libvirt puts the element
     * and its children into the namespace given as {@code uri} with prefix {@code key} itself and refuses an element
     * that already declares that prefix ("failed to create a new XML namespace").
     */
    static String toLibvirtXml(Operation op) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            org.w3c.dom.Document in = f.newDocumentBuilder().newDocument();
            CONTEXT.createMarshaller().marshal(op, in);
            org.w3c.dom.Document out = f.newDocumentBuilder().newDocument();
            out.appendChild(renamed(in.getDocumentElement(), out, null, null));
            javax.xml.transform.Transformer t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new javax.xml.transform.dom.DOMSource(out), new javax.xml.transform.stream.StreamResult(w));
            return w.toString();
        } catch (JAXBException | javax.xml.parsers.ParserConfigurationException
                 | javax.xml.transform.TransformerException e) {
            throw new PassthruException("cannot write operation record: " + e.getMessage(), e);
        }
    }

    /** A copy of {@code e} and its children, in namespace {@code ns} with {@code prefix} (null: no namespace). */
    private static org.w3c.dom.Element renamed(org.w3c.dom.Element e, org.w3c.dom.Document doc, String ns,
                                               String prefix) {
        org.w3c.dom.Element copy = ns == null ? doc.createElement(e.getLocalName())
                : doc.createElementNS(ns, prefix + ":" + e.getLocalName());
        org.w3c.dom.NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            org.w3c.dom.Node a = attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                copy.setAttribute(a.getLocalName() == null ? a.getNodeName() : a.getLocalName(), a.getNodeValue());
            }
        }
        for (org.w3c.dom.Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof org.w3c.dom.Element ce) {
                copy.appendChild(renamed(ce, doc, ns, prefix));
            } else if (c.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                copy.appendChild(doc.createTextNode(c.getNodeValue()));
            }
        }
        return copy;
    }

    /**
     * Parses a record, in passthru's namespace under any prefix (the mirror file) or without namespace (what
     * {@code virDomainGetMetadata} returns: the element as stored, without its namespace declaration).
     *
     * @throws PassthruException when the XML is not a passthru operation record
     */
    public static Operation fromXml(String xml) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
            org.w3c.dom.Element root = doc.getDocumentElement();
            if (!"operation".equals(root.getLocalName())
                    || root.getNamespaceURI() != null && !Operation.NAMESPACE.equals(root.getNamespaceURI())) {
                throw new PassthruException("not passthru's operation record: " + xml);
            }
            if (root.getNamespaceURI() == null) {
                org.w3c.dom.Document ns = f.newDocumentBuilder().newDocument();
                ns.appendChild(renamed(root, ns, Operation.NAMESPACE, Operation.PREFIX));
                root = ns.getDocumentElement();
            }
            Object o = CONTEXT.createUnmarshaller().unmarshal(root);
            if (o instanceof Operation op) {
                return op;
            }
            throw new PassthruException("not passthru's operation record: " + xml);
        } catch (JAXBException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException
                 | IOException e) {
            throw new PassthruException("cannot read passthru's operation record (" + e.getMessage() + "): " + xml, e);
        }
    }
}
