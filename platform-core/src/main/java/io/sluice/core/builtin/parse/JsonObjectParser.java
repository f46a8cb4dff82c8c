package io.sluice.core.builtin.parse;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.sluice.api.error.RecordException;

/**
 * Reads one JSON object. Top-level scalars become typed fields (strings, longs, doubles, booleans,
 * null); nested objects and arrays are kept as their compact JSON text. Whole numbers beyond the
 * range of a long are kept as their exact text rather than rounded to a double. With a field list,
 * only those keys are read, in the list's order, and a key the object lacks becomes a null field,
 * so every record has the same fields in the same order.
 */
final class JsonObjectParser implements FieldParser {
    private static final long serialVersionUID = 1L;

    private final String[] fields;
    // ObjectMapper is thread-safe but not serializable: built once per executor JVM copy of this parser.
    private transient volatile ObjectMapper mapper;

    /** @param fields the keys to read, or an empty list for all keys */
    JsonObjectParser(List<String> fields) {
        this.fields = fields.toArray(new String[0]);
    }

    /** The listed keys when there is a list: each is set, null when absent. */
    @Override
    public List<String> fixedFieldNames() {
        return List.of(fields);
    }

    @Override
    public void parse(String text, ParsedFieldWriter out) {
        JsonNode root;
        try {
            root = mapper().readTree(text);
        }
        catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            throw new RecordException("text is not valid JSON: " + e.getOriginalMessage()
                    + (location == null ? "" : " at line [" + location.getLineNr() + "], column [" + location.getColumnNr() + "]"), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new RecordException("text is empty; expected a JSON object");
        }
        if (!root.isObject()) {
            throw new RecordException("JSON value is [" + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + "], expected an object");
        }
        if (fields.length > 0) {
            for (String field : fields) {
                JsonNode node = root.get(field);
                out.put(field, node == null ? null : valueOf(node));
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = root.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            out.put(entry.getKey(), valueOf(entry.getValue()));
        }
    }

    private static Object valueOf(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.toString();
    }

    private ObjectMapper mapper() {
        ObjectMapper result = mapper;
        if (result == null) {
            // A benign race: two threads may each build one; both are equivalent.
            result = JsonMapper.builder()
                    // "{...} trailing" is not one JSON object.
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    // Keep record contents out of error messages.
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build();
            mapper = result;
        }
        return result;
    }
}
