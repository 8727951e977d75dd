package io.passthru.xml;

import org.xmlunit.diff.Diff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks corpus files, unmarshals those with a known root, marshals them back and compares (XMLUnit-similar). */
public final class RoundTrip {
    /** Files compared and the failures ("file: first difference"). */
    public record Result(int files, List<String> failures) {
        public String summary(String label) {
            return label + ": " + files + " files, " + failures.size() + " failed";
        }
    }

    private RoundTrip() {
    }

    /**
     * @param files        candidate files
     * @param rootToClass  root element name → model class; files that are not well-formed or have another root
     *                     are skipped
     */
    public static Result run(List<Path> files, Map<String, Class<?>> rootToClass) {
        int n = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            String xml = TestData.read(f);
            String root = TestData.rootName(xml);
            Class<?> type = root == null ? null : rootToClass.get(root);
            if (type == null) {
                continue;
            }
            n++;
            try {
                String out = XmlCodec.marshal(XmlCodec.unmarshal(xml, type));
                Diff d = TestData.similar(xml, out);
                if (d.hasDifferences()) {
                    failures.add(f.getFileName() + ": " + d.getDifferences().iterator().next());
                }
            } catch (RuntimeException e) {
                failures.add(f.getFileName() + ": " + e);
            }
        }
        return new Result(n, failures);
    }

    /** Prints the summary line and up to 40 failures. */
    public static void report(String label, Result r) {
        System.out.println(r.summary(label));
        r.failures().stream().limit(40).forEach(s -> System.out.println("  " + s));
    }
}
