package io.broadsheet.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input corpus: {@code hostile-inputs.txt} (lines starting with {@code esc:} unescaped), the XSS
 * payloads of {@code xss-payloads.txt}, and a 1 MB value made here rather than stored.
 */
public final class HostileInputs {

    public static final int ONE_MEGABYTE = 1 << 20;

    /** Attributes a browser follows or loads as a URL (a text field's value is just text). */
    static final List<String> URL_ATTRIBUTES = List.of("href", "src", "action", "formaction", "xlink:href", "data",
            "poster", "background", "srcset", "cite", "longdesc", "ping", "lowsrc", "dynsrc");

    private HostileInputs() {
    }

    public static List<String> all() {
        List<String> inputs = new ArrayList<>();
        inputs.addAll(read("src/test/resources/hostile-inputs.txt"));
        inputs.addAll(read("src/test/resources/xss-payloads.txt"));
        inputs.add(oneMegabyte());
        return inputs;
    }

    public static String oneMegabyte() {
        String unit = "<script>alert(1)</script>Ünïcødé ";
        return unit.repeat(ONE_MEGABYTE / unit.length() + 1).substring(0, ONE_MEGABYTE);
    }

    /** For messages: short, with control characters visible. */
    public static String label(String input) {
        String shown = input.length() > 60 ? input.substring(0, 60) + "…(" + input.length() + ")" : input;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }

    static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.startsWith("esc:") ? unescape(line.substring(4)) : line).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /** No script (but the newsroom's own file and JSON-LD data), frame, object, event handler, style or script URL. */
    public static void assertNothingExecutable(Document page, String what) {
        for (Element element : page.getAllElements()) {
            String tag = element.normalName();
            boolean ownScript = tag.equals("script") && (element.attr("src").matches("/js/newsroom(-[0-9a-f]{32})?\\.js")
                    || (element.attr("type").equals("application/ld+json") && element.attributes().size() == 1
                            && !element.data().contains("<")));
            boolean ownForm = tag.equals("form") && element.attr("action").startsWith("/");
            boolean ownMeta = tag.equals("meta") && !element.hasAttr("http-equiv");
            assertThat(ownScript || ownForm || ownMeta || !List.of("script", "iframe", "frame", "object", "embed",
                    "style", "base", "form", "meta").contains(tag)).as(what + ": <" + tag + ">").isTrue();
            element.attributes().forEach(attribute -> {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("[\\s\\u0000-\\u001f]", "");
                assertThat(name).as(what + ": attribute on <" + tag + ">").doesNotStartWith("on")
                        .isNotEqualTo("style").isNotEqualTo("formaction");
                if (!URL_ATTRIBUTES.contains(name)) {
                    return;
                }
                assertThat(value).as(what + ": " + name + " on <" + tag + ">")
                        .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:text/html");
            });
        }
    }
}
