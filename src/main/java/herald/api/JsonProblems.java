package herald.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import java.util.stream.Collectors;

/** A JSON body's fault as its author would put it: what is wrong and where, without Jackson's internals. */
final class JsonProblems {

    private JsonProblems() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "The JSON body is nested too deeply or has a value too large to read";
        }
        String where = where(e);
        if (e instanceof MismatchedInputException mismatch && mismatch.getPath() != null && !mismatch.getPath().isEmpty()) {
            return "The field " + field(mismatch) + " has the wrong type" + where;
        }
        if (e instanceof MismatchedInputException) {
            return "The body must be a JSON object" + where;
        }
        if (e instanceof JsonMappingException mapping && mapping.getPath() != null && !mapping.getPath().isEmpty()) {
            return "The field " + field(mapping) + " cannot be read" + where;
        }
        return "The body is not valid JSON" + where;
    }

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
