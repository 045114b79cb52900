package io.broadsheet.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML checker, run in-process on a page's markup. Its schema set-up takes a couple of seconds, so
 * one checker serves the whole test run.
 */
public final class HtmlChecker {

    private static HtmlChecker instance;

    private final SimpleDocumentValidator validator;
    private final List<String> problems = new ArrayList<>();

    private HtmlChecker() throws Exception {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings (such as advice on optional attributes) are not failures of the checker either
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        validator.setUpValidatorAndParsers(collect, true, false);
    }

    public static synchronized List<String> errorsIn(String html) {
        try {
            if (instance == null) {
                instance = new HtmlChecker();
            }
            instance.problems.clear();
            InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            source.setEncoding("UTF-8");
            instance.validator.checkHtmlInputSource(source);
            return List.copyOf(instance.problems);
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker could not run", e);
        }
    }
}
