package io.passthru.xml;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validates XML against libvirt's RELAX NG schemas ({@code -Dlibvirt.schemas}, default: the {@code schemas} of the
 * test corpus, {@link TestData#root()}) with Jing.
 */
public final class RelaxNg {
    private RelaxNg() {
    }

    /** The schema directory; fails the test if it is missing. */
    public static Path schemaDir() {
        String prop = System.getProperty("libvirt.schemas", "");
        Path p = prop.isBlank() ? TestData.root().resolve("schemas") : Paths.get(prop);
        p = p.toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(p.resolve("domain.rng")), "libvirt schemas not found at " + p
                + " (set -Dlibvirt.schemas=/path/to/schemas)");
        return p;
    }

    /** Validation errors ("line:col: message") of {@code xml} against {@code schema} (e.g. "domain.rng"). */
    public static List<String> errors(String schema, String xml) {
        List<String> errors = new ArrayList<>();
        ErrorHandler h = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, h);
        ValidationDriver driver = new ValidationDriver(props.toPropertyMap());
        try {
            Path rng = schemaDir().resolve(schema);
            if (!driver.loadSchema(ValidationDriver.fileInputSource(rng.toFile()))) {
                throw new AssertionError("cannot load schema " + rng + ": " + errors);
            }
            driver.validate(new InputSource(new StringReader(xml)));
        } catch (java.io.IOException | org.xml.sax.SAXException e) {
            throw new AssertionError("validation failed to run: " + e, e);
        }
        return errors;
    }

    /**
     * Wraps a device fragment ({@code <hostdev>}, {@code <interface>}, ...) in a minimal domain so that it can be
     * checked against domain.rng.
     */
    public static String inMinimalDomain(String deviceXml) {
        return "<domain type='kvm'><name>v</name><memory unit='KiB'>1024</memory>"
                + "<os><type arch='x86_64' machine='q35'>hvm</type></os><devices>" + deviceXml
                + "</devices></domain>";
    }
}
