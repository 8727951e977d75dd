package io.passthru.xml;

import org.w3c.dom.Document;
import org.xmlunit.diff.Diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Walks corpus files, reads each into the model chosen by its root element ({@link XmlCodec#unmarshalAny}: typed
 * class or generic holder), writes it back and compares (XMLUnit-similar, see {@link TestData#similar}); also sums
 * the typed share ({@link TypedShare}).
 */
public final class RoundTrip {
    /** Files compared, failures ("file: first difference"), files skipped as not well-formed, typed counts. */
    public record Result(int files, List<String> failures, List<Path> skipped, TypedShare.Counts counts) {
        /** {@code roundtrip: N files, M failed, T% typed}. */
        public String summary(String label) {
            return String.format(Locale.ROOT, "%s: %d files, %d failed, %.1f%% typed", label, files, failures.size(),
                    counts.typedPercent());
        }
    }

    private RoundTrip() {
    }

    /** Every {@code *.xml} below {@code dir}, recursively, sorted. */
    public static List<Path> allXml(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".xml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot walk " + dir, e);
        }
    }

    /** Round-trips {@code files}; files that are not well-formed XML are skipped (listed, not counted in N). */
    public static Result run(List<Path> files) {
        int n = 0;
        List<String> failures = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        TypedShare.Counts counts = new TypedShare.Counts();
        for (Path f : files) {
            String xml = TestData.read(f);
            Document input = TestData.parse(xml);
            if (input == null) {
                skipped.add(f);
                continue;
            }
            n++;
            try {
                Object model = XmlCodec.unmarshalAny(xml);
                counts.add(input, model);
                String out = XmlCodec.marshal(model);
                Diff d = TestData.similar(xml, out);
                if (d.hasDifferences()) {
                    failures.add(f + ": " + d.getDifferences().iterator().next());
                }
            } catch (RuntimeException e) {
                failures.add(f + ": " + e);
            }
        }
        return new Result(n, failures, skipped, counts);
    }

    /** Prints the summary line, the skipped line, and up to 40 failures. */
    public static void report(String label, Result r) {
        System.out.println(r.summary(label));
        System.out.println(label + " skipped: " + r.skipped().size() + " not well-formed");
        r.failures().stream().limit(40).forEach(s -> System.out.println("  " + s));
        if (Boolean.getBoolean("roundtrip.untyped")) {
            r.counts().top(150).forEach(s -> System.out.println("  untyped " + s));
        }
    }
}
