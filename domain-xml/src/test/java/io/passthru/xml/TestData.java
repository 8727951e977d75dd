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

/**
 * Access to libvirt 11.3.0's own test data (the corpus: test XML and RELAX NG schemas, never copied into the
 * repository), found by {@link #root()}.
 */
public final class TestData {
    /** The corpus directory's name, beside the repository and in the lab's cache. */
    public static final String CORPUS = "libvirt-11.3.0-testdata";

    private static volatile Path root;

    private TestData() {
    }

    /**
     * The corpus root; fails the test if there is none. The same rule as {@code integration-tests/lab/fetch-corpus.sh}:
     * {@code -Dlibvirt.testdata=DIR} if given, else {@code ../shared/libvirt-11.3.0-testdata} beside the repository,
     * else the cache that script fills from Debian's libvirt source package,
     * {@code ${LAB_DIR:-/var/tmp/passthru-lab}/cache/libvirt-11.3.0-testdata} (complete once it holds
     * {@code .complete}). Relative paths are against the working directory, a module directory under Maven.
     */
    public static Path root() {
        Path p = root;
        if (p == null) {
            p = locate();
            root = p;
        }
        return p;
    }

    private static Path locate() {
        String prop = System.getProperty("libvirt.testdata", "");
        if (!prop.isBlank()) {
            Path p = Paths.get(prop).toAbsolutePath().normalize();
            if (!Files.isDirectory(p)) {
                throw new AssertionError("libvirt test corpus not found at " + p + " (-Dlibvirt.testdata)");
            }
            return p;
        }
        Path shared = Paths.get("..", "..", "shared", CORPUS).toAbsolutePath().normalize();
        if (Files.isDirectory(shared)) {
            return shared;
        }
        String labDir = System.getenv("LAB_DIR");
        Path cache = Paths.get(labDir == null || labDir.isBlank() ? "/var/tmp/passthru-lab" : labDir, "cache", CORPUS)
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(cache.resolve(".complete"))) {
            throw new AssertionError("libvirt test corpus not found: no -Dlibvirt.testdata, no " + shared
                    + ", no complete " + cache + ". Fetch it from Debian's libvirt source package with `sudo "
                    + "integration-tests/lab/fetch-corpus.sh` (prints where it put it), or pass -Dlibvirt.testdata=DIR");
        }
        return cache;
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
