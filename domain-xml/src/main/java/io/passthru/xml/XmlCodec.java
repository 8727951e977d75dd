package io.passthru.xml;

import io.passthru.xml.domain.Domain;
import io.passthru.xml.domain.DomainChannel;
import io.passthru.xml.domain.DomainController;
import io.passthru.xml.domain.DomainDevices;
import io.passthru.xml.domain.DomainEmulator;
import io.passthru.xml.domain.DomainHostdev;
import io.passthru.xml.domain.DomainInterface;
import io.passthru.xml.domcaps.DomainCapabilities;
import io.passthru.xml.nodedev.NodeDevice;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.PropertyException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads and writes the libvirt XML model: domain XML ({@code virsh dumpxml}, root {@link Domain}), single device
 * fragments for hot(un)plug ({@link DomainHostdev}, {@link DomainInterface}, {@link DomainController},
 * {@link DomainChannel}), node device XML ({@code virsh nodedev-dumpxml}, {@link NodeDevice}) and domain capabilities
 * ({@code virsh domcapabilities}, {@link DomainCapabilities}).
 *
 * <p>One {@link JAXBContext} over all root classes is built once and cached. Parsing refuses DOCTYPE declarations
 * (libvirt never writes them; this shuts out external entities). Thread-safe.
 */
public final class XmlCodec {
    private static final List<Class<?>> ROOT_CLASSES = List.of(Domain.class, DomainHostdev.class,
            DomainInterface.class, DomainController.class, DomainChannel.class, DomainEmulator.class,
            NodeDevice.class, DomainCapabilities.class);

    private static final String INDENT_PROPERTY = "org.glassfish.jaxb.indentString";

    private XmlCodec() {
    }

    private static final class Holder {
        static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(ROOT_CLASSES.toArray(new Class<?>[0]));
            } catch (JAXBException e) {
                throw new InvalidXmlException("cannot build JAXB context over " + ROOT_CLASSES + ": " + e, e);
            }
        }
    }

    private static final class Roots {
        static final Map<String, Class<?>> BY_NAME = collect();

        /**
         * Every {@link XmlRootElement} class reachable from {@link #ROOT_CLASSES} through fields annotated with
         * {@link XmlElementRef}/{@link XmlElementRefs} (so device classes listed in {@code DomainDevices} count).
         */
        private static Map<String, Class<?>> collect() {
            Map<String, Class<?>> out = new LinkedHashMap<>();
            Set<Class<?>> seen = new HashSet<>();
            Deque<Class<?>> todo = new ArrayDeque<>(ROOT_CLASSES);
            while (!todo.isEmpty()) {
                Class<?> c = todo.pop();
                if (c == null || c == Object.class || !seen.add(c)) {
                    continue;
                }
                String name = rootElementName(c);
                if (name != null) {
                    out.putIfAbsent(name, c);
                }
                todo.add(c.getSuperclass());
                for (Field f : c.getDeclaredFields()) {
                    XmlElementRefs refs = f.getAnnotation(XmlElementRefs.class);
                    if (refs != null) {
                        for (XmlElementRef r : refs.value()) {
                            todo.add(r.type());
                        }
                    }
                    XmlElementRef ref = f.getAnnotation(XmlElementRef.class);
                    if (ref != null) {
                        todo.add(ref.type());
                    }
                    if (f.getType().getName().startsWith("io.passthru.")) {
                        todo.add(f.getType());
                    }
                    if (f.getGenericType() instanceof ParameterizedType pt) {
                        for (Type a : pt.getActualTypeArguments()) {
                            if (a instanceof Class<?> ac && ac.getName().startsWith("io.passthru.")) {
                                todo.add(ac);
                            }
                        }
                    }
                }
            }
            return Collections.unmodifiableMap(out);
        }
    }

    /**
     * Model class for a document whose root element is {@code localName} (e.g. {@code "domain"} → {@link Domain},
     * {@code "hostdev"} → {@link DomainHostdev}, any typed device class reachable from {@code DomainDevices}), or
     * empty if the model has no typed class for that root.
     */
    public static Optional<Class<?>> rootClass(String localName) {
        return Optional.ofNullable(Roots.BY_NAME.get(localName));
    }

    /** All root element names with a typed class (see {@link #rootClass(String)}). */
    public static Set<String> typedRootNames() {
        return Roots.BY_NAME.keySet();
    }

    /**
     * Reads any document: into the typed class for its root element ({@link #rootClass(String)}), else into an
     * {@link XmlGenericElement} that keeps it unchanged.
     *
     * @throws InvalidXmlException if the XML is not well-formed or JAXB reports an error
     */
    public static Object unmarshalAny(String xml) {
        Element root = parseElement(xml);
        Optional<Class<?>> type = rootClass(XmlCatchAll.localNameOf(root));
        if (type.isPresent() && root.getNamespaceURI() == null) {
            return unmarshal(xml, type.get());
        }
        return new XmlGenericElement(root);
    }

    /**
     * Builds the shared JAXB context and reads one small domain, so that the classes JAXB generates and loads are
     * ready before the first real document: about 1 s of CPU on a cold JVM (measured on the 2-core lab machine, CDS
     * archive on), which a command-line tool can spend on a background thread while it connects to libvirt. Idempotent
     * and thread-safe; later calls return at once.
     *
     * @throws InvalidXmlException if the JAXB context cannot be built (as any first use would)
     */
    public static void warmUp() {
        if (!WARM.compareAndSet(false, true)) {
            return;
        }
        unmarshal("<domain type='kvm'><name>warm-up</name><devices><interface type='hostdev'/></devices></domain>",
                Domain.class);
    }

    private static final AtomicBoolean WARM = new AtomicBoolean();

    /** The shared JAXB context over all root classes of the model. */
    public static JAXBContext context() {
        return Holder.CONTEXT;
    }

    /** Root classes the codec knows (each has {@link XmlRootElement}). */
    public static List<Class<?>> rootClasses() {
        return ROOT_CLASSES;
    }

    /**
     * Reads {@code xml} into {@code type}. The document's root element must be the one {@code type} declares with
     * {@link XmlRootElement} (e.g. {@code <domain>} for {@link Domain}); for other model classes any root name is
     * accepted.
     *
     * @throws InvalidXmlException if the XML is not well-formed, its root does not match, or JAXB reports an error;
     *                             the message names the expected root element and class
     */
    public static <T> T unmarshal(String xml, Class<T> type) {
        String expected = rootElementName(type);
        String what = expected != null ? "<" + expected + "> (" + type.getSimpleName() + ")" : type.getName();
        if (xml == null) {
            throw new InvalidXmlException("cannot read " + what + ": XML is null");
        }
        try {
            Unmarshaller u = context().createUnmarshaller();
            u.setEventHandler(XmlCodec::handle);
            u.setListener(PRUNE_NAMESPACES);
            SAXSource source = new SAXSource(secureReader(), new InputSource(new StringReader(xml)));
            JAXBElement<T> element = u.unmarshal(source, type);
            String actual = element.getName().getLocalPart();
            if (expected != null && !expected.equals(actual)) {
                throw new InvalidXmlException("cannot read " + what + ": document root is <" + actual + ">");
            }
            return element.getValue();
        } catch (JAXBException e) {
            throw new InvalidXmlException("cannot read " + what + ": " + describe(e), e);
        }
    }

    /**
     * Writes a root model object (one of {@link #rootClasses()}, or a {@link JAXBElement}) as XML: no XML
     * declaration, indented by two spaces, UTF-8 text.
     *
     * @throws InvalidXmlException if the object is not a root element or JAXB fails; the message names the class
     */
    public static String marshal(Object model) {
        if (model == null) {
            throw new InvalidXmlException("cannot write XML: model is null");
        }
        if (model instanceof XmlGenericElement g) {
            return serialize(g.getElement());
        }
        if (!(model instanceof JAXBElement) && rootElementName(model.getClass()) == null) {
            throw new InvalidXmlException("cannot write " + model.getClass().getName()
                    + ": not a root element; expected one of " + ROOT_CLASSES.stream().map(Class::getSimpleName).toList());
        }
        try {
            Marshaller m = context().createMarshaller();
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            try {
                m.setProperty(INDENT_PROPERTY, "  ");
            } catch (PropertyException ignored) {
                // another JAXB implementation: keep its default indentation
            }
            StringWriter w = new StringWriter();
            m.marshal(model, w);
            return w.toString().strip() + "\n";
        } catch (JAXBException e) {
            String name = rootElementName(model.getClass());
            throw new InvalidXmlException("cannot write " + (name != null ? "<" + name + "> (" : "(")
                    + model.getClass().getSimpleName() + "): " + describe(e), e);
        }
    }

    private static String serialize(Element e) {
        try {
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(w));
            return w.toString().strip() + "\n";
        } catch (TransformerException ex) {
            throw new InvalidXmlException("cannot write <" + XmlCatchAll.localNameOf(e) + ">: " + ex.getMessage(), ex);
        }
    }

    /** Deep copy through marshal and unmarshal. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T model) {
        if (model instanceof XmlGenericElement g) {
            return (T) new XmlGenericElement(parseElement(marshal(g)));
        }
        return (T) unmarshal(marshal(model), model.getClass());
    }

    /**
     * Parses a standalone XML element (e.g. a metadata child {@code <p:vf xmlns:p='urn:x'>...</p:vf>}) into a DOM
     * element, to put into a catch-all list such as {@code DomainMetadata#getExtra()}.
     *
     * @throws InvalidXmlException if not well-formed
     */
    public static Element parseElement(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document d = b.parse(new InputSource(new StringReader(xml)));
            return d.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new InvalidXmlException("cannot parse XML element: " + e.getMessage(), e);
        }
    }

    /** The element name declared by {@link XmlRootElement} on {@code type}, or {@code null}. */
    public static String rootElementName(Class<?> type) {
        XmlRootElement r = type.getAnnotation(XmlRootElement.class);
        if (r == null) {
            return null;
        }
        return "##default".equals(r.name()) ? decapitalize(type.getSimpleName()) : r.name();
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * JAXB copies every namespace declaration in scope onto each element it keeps as DOM; drop the ones the element
     * does not use, so that e.g. {@code xmlns:qemu} on the root does not reappear on every unknown device.
     */
    private static final Unmarshaller.Listener PRUNE_NAMESPACES = new Unmarshaller.Listener() {
        @Override
        public void afterUnmarshal(Object target, Object parent) {
            if (target instanceof XmlCatchAll c) {
                c.getExtra().forEach(XmlCodec::pruneUnusedNamespaces);
            } else if (target instanceof DomainDevices d) {
                for (Object o : d.getDevices()) {
                    if (o instanceof Element e) {
                        pruneUnusedNamespaces(e);
                    }
                }
            }
        }
    };

    static void pruneUnusedNamespaces(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = attrs.getLength() - 1; i >= 0; i--) {
            Node a = attrs.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                continue;
            }
            String prefix = XMLConstants.XMLNS_ATTRIBUTE.equals(a.getNodeName()) ? "" : a.getLocalName();
            if (!usesPrefix(e, prefix)) {
                e.removeAttributeNode((org.w3c.dom.Attr) a);
            }
        }
    }

    private static boolean usesPrefix(Element e, String prefix) {
        if (prefix.equals(e.getPrefix() == null ? "" : e.getPrefix())) {
            return true;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (!prefix.isEmpty() && prefix.equals(a.getPrefix())
                    && !XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                return true;
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && usesPrefix(ce, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean handle(ValidationEvent event) {
        return event.getSeverity() == ValidationEvent.WARNING;
    }

    private static final ThreadLocal<SAXParserFactory> SAX_FACTORY = ThreadLocal.withInitial(() -> {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new InvalidXmlException("cannot create XML parser: " + e.getMessage(), e);
        }
    });

    private static XMLReader secureReader() {
        try {
            return SAX_FACTORY.get().newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | SAXException e) {
            throw new InvalidXmlException("cannot create XML parser: " + e.getMessage(), e);
        }
    }

    private static String describe(JAXBException e) {
        Throwable t = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
        String msg = e.getMessage();
        if (t != null && t.getMessage() != null) {
            msg = (msg == null ? "" : msg + ": ") + t.getMessage();
        }
        return msg != null ? msg : e.toString();
    }
}
