package io.passthru.manager.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The version of what {@code --output json} prints: every JSON object passthru writes for a program to read has
 * {@value #FIELD} first ({@code "schemaVersion": 1}), the results on standard output ({@code PassthruCli.printJson})
 * and the events on standard error ({@code MigrationProgressPrinter}, evacuate's per-guest events), where it comes
 * right after {@code "event"}. A command whose result is an array ({@code list-devices}, {@code list-vfs}) gives the
 * field to each object of the array; objects nested in a result do not carry it (the top-level one's holds for
 * everything inside it). The JSON Schemas of the events and of {@code migrate}'s result are installed as
 * {@code share/schemas/passthru-events-N.schema.json} and {@code share/schemas/passthru-migrate-N.schema.json}
 * (N = {@value #SCHEMA_VERSION}; sources in {@code manager/src/main/dist/share/schemas}).
 *
 * <p>When it changes: {@link #SCHEMA_VERSION} goes up by one, and schema files with the new number are shipped, when
 * a field is removed or renamed, its type changes, or its meaning changes (e.g. a unit or what a value counts); and
 * when the set of values a schema lists for a field changes ({@code event}, a step's {@code status}, an
 * {@code outcome}, a {@code mode}): readers may switch on those. Adding a field does not change it (the schema files of
 * the version are updated to document it): readers must ignore fields they do not know.
 */
public final class JsonOutput {
    /** The schema version of every JSON object passthru prints: 1. */
    public static final int SCHEMA_VERSION = 1;
    /** The name of the field that carries it. */
    public static final String FIELD = "schemaVersion";

    private JsonOutput() {
    }

    /**
     * {@code node} with {@value #FIELD} first: an object gets it as its first field (a field of that name it had is
     * replaced), an array gives it to each object element; anything else is returned as it is.
     */
    public static JsonNode versioned(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put(FIELD, SCHEMA_VERSION);
            o.properties().forEach(e -> {
                if (!e.getKey().equals(FIELD)) {
                    out.set(e.getKey(), e.getValue());
                }
            });
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(a.size());
            a.forEach(e -> out.add(e.isObject() ? versioned(e) : e));
            return out;
        }
        return node;
    }
}
