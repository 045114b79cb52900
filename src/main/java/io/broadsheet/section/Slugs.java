package io.broadsheet.section;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a name or headline into the lower-case, hyphenated form used in URLs. */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** The slug for a text, at most {@code maxLength} characters, cut at a hyphen where possible. */
    public static String of(String text, int maxLength) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String slug = NOT_ALPHANUMERIC.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > maxLength) {
            int cut = slug.lastIndexOf('-', maxLength);
            slug = trimHyphens(slug.substring(0, cut > maxLength / 2 ? cut : maxLength));
        }
        return slug;
    }

    public static String of(String text) {
        return of(text, 100);
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }

    private static String trimHyphens(String slug) {
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
