package io.passthru.xml;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures how much of a document the typed model binds: after unmarshal, every DOM {@link Element} reachable in
 * the object graph (the {@link XmlCatchAll#getExtra()} lists, unknown devices kept in place, an
 * {@link XmlGenericElement}) counts as untyped together with all its descendants; the rest of the input's elements
 * are typed. The graph is walked reflectively over the fields of the model classes ({@code io.passthru.*}).
 */
public final class TypedShare {
    /** Element counts, summed over documents; {@code untypedByName} counts untyped elements by "parent/name". */
    public static final class Counts {
        private long total;
        private long untyped;
        private final Map<String, Long> untypedByName = new TreeMap<>();

        public long total() {
            return total;
        }

        public long untyped() {
            return untyped;
        }

        public long typed() {
            return total - untyped;
        }

        /** Share of typed elements in percent (100 for no elements). */
        public double typedPercent() {
            return total == 0 ? 100.0 : 100.0 * typed() / total;
        }

        public Map<String, Long> untypedByName() {
            return untypedByName;
        }

        /** Adds one document: {@code input} as parsed, {@code model} as unmarshalled from it. */
        public void add(Document input, Object model) {
            total += countElements(input.getDocumentElement());
            Map<Element, String> owners = new IdentityHashMap<>();
            walk(model, "", owners, new IdentityHashMap<>());
            for (Map.Entry<Element, String> o : owners.entrySet()) {
                Element e = o.getKey();
                long n = countElements(e);
                untyped += n;
                untypedByName.merge(o.getValue() + "/" + XmlCatchAll.localNameOf(e), n, Long::sum);
            }
        }

        /** The {@code limit} untyped names with most elements, for a report. */
        public List<String> top(int limit) {
            return untypedByName.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .limit(limit).map(e -> e.getKey() + "=" + e.getValue()).toList();
        }
    }

    private TypedShare() {
    }

    /** Number of elements in the subtree of {@code e}, {@code e} included. */
    public static long countElements(Element e) {
        long n = 1;
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce) {
                n += countElements(ce);
            }
        }
        return n;
    }

    /** The DOM elements held anywhere in the model graph (each a catch-all root; descendants not listed). */
    public static List<Element> untypedElements(Object model) {
        Map<Element, String> out = new IdentityHashMap<>();
        walk(model, "", out, new IdentityHashMap<>());
        return new ArrayList<>(out.keySet());
    }

    private static void walk(Object o, String owner, Map<Element, String> out, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Element e) {
            out.put(e, owner);
            return;
        }
        if (o instanceof XmlGenericElement g) {
            out.put(g.getElement(), owner);
            return;
        }
        if (o instanceof jakarta.xml.bind.JAXBElement<?> j) {
            walk(j.getValue(), owner, out, seen);
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object x : c) {
                walk(x, owner, out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Object x : m.values()) {
                walk(x, owner, out, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.passthru.")) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    walk(f.get(o), o.getClass().getSimpleName(), out, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + f, e);
                }
            }
        }
    }
}
