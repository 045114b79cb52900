package io.broadsheet.sharing;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured data for a {@code <script type="application/ld+json">}: JSON from Jackson, with {@code <}, {@code >}
 * and {@code &} written as Unicode escapes, so no headline (however it is spelt, {@code </script>} included) can
 * end the script element or be read as markup. The JSON means exactly the same after the escaping.
 */
@Component
public class JsonLd {

    private final JsonMapper json;

    JsonLd(JsonMapper json) {
        this.json = json;
    }

    public String script(Object data) {
        return escapeForScript(json.writeValueAsString(data));
    }

    static String escapeForScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
