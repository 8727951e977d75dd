package io.passthru.manager.pool;

import io.passthru.manager.error.PoolConfigException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** JSON helpers shared by the pool's parsers: Nova writes every value as a JSON string. */
final class JsonFields {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFields() {
    }

    static JsonNode parse(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new PoolConfigException(what + ": empty JSON");
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PoolConfigException(what + ": invalid JSON (" + e.getOriginalMessage() + ") in " + json, e);
        }
    }

    /** One object or a list of objects, as nova.conf accepts for {@code device_spec} and {@code alias}. */
    static List<JsonNode> objects(JsonNode node, String what) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isObject()) {
            out.add(node);
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                if (!n.isObject()) {
                    throw new PoolConfigException(what + ": every entry must be a JSON object, got " + n);
                }
                out.add(n);
            }
        } else {
            throw new PoolConfigException(what + ": expected a JSON object or a list of objects, got " + node);
        }
        return out;
    }

    static void rejectUnknown(JsonNode obj, Set<String> known, String where) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new PoolConfigException(where + ": unknown key '" + k + "'; supported keys: "
                        + new TreeSet<>(known));
            }
        }
    }

    /** A string value; null when absent or JSON null. Numbers and booleans are refused (Nova's values are strings). */
    static String string(JsonNode obj, String key, String where) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new PoolConfigException(where + ": '" + key + "' must be a JSON string, got " + v);
        }
        return v.asText();
    }

    /**
     * A boolean written as Nova does ({@code "true"}/{@code "false"}, also {@code "yes"}/{@code "no"}, any case) or
     * as a JSON boolean; null when absent.
     */
    static Boolean bool(JsonNode obj, String key, String where) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            switch (v.asText().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> {
                    return true;
                }
                case "false", "no" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw new PoolConfigException(where + ": '" + key + "' must be \"true\" or \"false\", got " + v);
    }

    /**
     * A whole number in {@code min..max}, written as a JSON number or a string of one (Nova's tag values are
     * strings); null when absent.
     */
    static Integer integer(JsonNode obj, String key, int min, int max, String unit, String where) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        String text = v.isTextual() ? v.asText().trim() : v.isIntegralNumber() ? v.asText() : null;
        try {
            int n = Integer.parseInt(text == null ? "x" : text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new PoolConfigException(where + ": '" + key + "' must be a whole number " + min + "-" + max
                + (unit.isEmpty() ? "" : " (" + unit + ")") + ", got " + v);
    }

    /** PCI vendor/product id: hex up to 0xFFFF, optional 0x; {@code "*"} or absent = any (returns null). */
    static Integer hexId(String value, String key, String where) {
        if (value == null || value.trim().equals("*")) {
            return null;
        }
        Integer v = parseHexId(value);
        if (v == null) {
            throw new PoolConfigException(where + ": " + key + " '" + value
                    + "' is not a PCI id: expected 4 hex digits such as \"8086\" (0x0000-0xffff) or \"*\"");
        }
        return v;
    }

    /** Parses {@code "8086"}, {@code "0x8086"}; null when not a hex number in 0..0xFFFF. */
    static Integer parseHexId(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("0x")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return Integer.parseInt(t, 16);
    }

    static String hex4(Integer id) {
        return id == null ? "*" : String.format(Locale.ROOT, "%04x", id);
    }
}
