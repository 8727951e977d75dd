package io.passthru.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.DefaultNodeMatcher;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.ElementSelectors;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access to the shared libvirt test corpus ({@code -Dlibvirt.testdata}, never copied into the repository). */
public final class TestData {
    private TestData() {
    }

    /** The corpus root; fails the test if it is missing. */
    public static Path root() {
        String prop = System.getProperty("libvirt.testdata");
        Path p = prop != null ? Paths.get(prop) : Paths.get("../../shared/libvirt-11.3.0-testdata");
        p = p.toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(p), "libvirt test corpus not found at " + p
                + " (set -Dlibvirt.testdata=/path/to/libvirt-11.3.0-testdata)");
        return p;
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        assertTrue(Files.isRegularFile(p), "missing test file " + p);
        return p;
    }

    public static String read(String relative) {
        return read(file(relative));
    }

    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + p, e);
        }
    }

    /** Sorted {@code *.xml} files directly in {@code dir} (relative to the corpus). */
    public static List<Path> xmlFiles(String dir) {
        try (Stream<Path> s = Files.list(root().resolve(dir))) {
            return s.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
    }

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /** Parses XML into a namespace-aware DOM, or returns {@code null} if it is not well-formed. */
    public static Document parse(String xml) {
        try {
            return BUILDER.get().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return null;
        }
    }

    /** Root element local name, or {@code null} if the text is not well-formed XML. */
    public static String rootName(String xml) {
        Document d = parse(xml);
        return d == null ? null : d.getDocumentElement().getLocalName();
    }

    /**
     * XMLUnit "similar" comparison ignoring whitespace and comments, elements matched by name and all attributes
     * (falling back to name). Comments are stripped from the DOM before comparing: same effect as
     * {@code ignoreComments()} without its per-call XSLT compilation, which would make the corpus walk slow.
     */
    public static Diff similar(String control, String test) {
        return DiffBuilder.compare(withoutComments(control)).withTest(withoutComments(test))
                .ignoreWhitespace()
                .withNodeMatcher(new DefaultNodeMatcher(ElementSelectors.byNameAndAllAttributes, ElementSelectors.byName))
                .checkForSimilar().build();
    }

    private static Document withoutComments(String xml) {
        Document d = parse(xml);
        if (d == null) {
            throw new AssertionError("not well-formed XML:\n" + xml);
        }
        removeComments(d);
        return d;
    }

    private static void removeComments(Node n) {
        Node c = n.getFirstChild();
        while (c != null) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.COMMENT_NODE) {
                n.removeChild(c);
            } else {
                removeComments(c);
            }
            c = next;
        }
    }
}
