package io.broadsheet.speed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Made-up news text whose words are spread as a real archive's are, so that searching it costs what searching a
 * newspaper's archive costs.
 *
 * <p>Most words are common ones: the seeded report's, with their frequencies there, and a newsroom list; nearly
 * every story has many of them. The rest are names of people and places, of which there are tens of thousands:
 * a few are in the news all the time, most seldom (Zipf's law, with the flatter head that counts of names in
 * real text show: the k-th most used turns up about (1 + q) / (k + q) as often as the first, q = {@value #HEAD}).
 * Each story is about a few of them, which come back again and again in its headline, standfirst and body, and
 * mentions a few others in passing. The most named name is then in about a tenth of the stories, as the most
 * covered head of government is in a general newspaper's archive. Text drawn only from the common words (as this
 * generator once made it) lets any two words match most of the archive, which no reader's search does; and names
 * drawn afresh for every passing mention (as it made them next), some thirty a story by Zipf's law alone, put the
 * most named one in 94% of the stories and in 16% of the headlines.
 */
final class NewsText {

    /** Names of people and places there are. */
    static final int NAMES = 40_000;
    /** How much flatter than Zipf's 1/k the head of the names' use is (Zipf-Mandelbrot's offset). */
    static final int HEAD = 5;
    private static final double TOPIC_SHARE = 0.10;
    /** Mentions of the story's passing names: one word in a hundred, a few of them in a 600-word story. */
    private static final double PASSING_NAME_SHARE = 0.01;

    /**
     * What one story is about: its {@code names} (two to four, the first one leads the headline), which come back
     * again and again, and a few {@code passing} names, mentioned once or twice.
     */
    record Topic(List<String> names, List<String> passing) {
    }

    private static final String[] NEWSROOM_WORDS = ("government minister election vote parliament economy market"
            + " shares inflation bank interest rates budget tax health hospital doctors patients school teachers"
            + " students university research scientists climate weather storm flood drought energy oil gas power"
            + " prices workers union strike company profits growth trade exports tariffs talks summit leaders"
            + " president prime court judge trial police officers crime investigation report officials said"
            + " spokesman statement announced warned agreed rejected plans policy reform law bill senate council"
            + " city region province border troops ceasefire peace war refugees aid crisis emergency rescue"
            + " football match season team coach players goal league cup final victory defeat record film music"
            + " festival museum artist novel theatre award technology software data internet phone privacy"
            + " security network satellite space mission launch study found evidence risk cost million billion"
            + " percent year week month today yesterday morning evening night early late new old first last").split(" ");

    private static final String[] ONSETS = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "z", "sh", "kh", "ch", "br", "dr", "gr", "kr", "tr", "st", "j", "y", "w"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ei", "ou", "ia"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "m", "k", "nd", "st"};

    private final Random random;
    private final String[] common;
    private final String[] names;
    /** cumulative[k]: the chance that a name drawn is one of the first k + 1. */
    private final double[] cumulative;

    NewsText(Random random) {
        this.random = random;
        this.common = commonWords();
        this.names = names(new Random(40_000));
        this.cumulative = new double[names.length];
        double sum = 0;
        for (int k = 0; k < names.length; k++) {
            sum += 1.0 / (k + 1 + HEAD);
            cumulative[k] = sum;
        }
        for (int k = 0; k < names.length; k++) {
            cumulative[k] /= sum;
        }
    }

    /** What one story is about: two to four names, and one to four mentioned in passing, the often-named more often. */
    Topic topic() {
        Set<String> names = distinctNames(2 + random.nextInt(3), Set.of());
        return new Topic(List.copyOf(names), List.copyOf(distinctNames(1 + random.nextInt(4), names)));
    }

    private Set<String> distinctNames(int wanted, Set<String> besides) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < wanted) {
            String name = name();
            if (!besides.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** {@code n} words of a story about {@code topic}, as one run of text (no capital, no full stop). */
    String words(int n, Topic topic) {
        List<String> names = topic.names();
        List<String> passing = topic.passing();
        StringBuilder text = new StringBuilder(n * 7);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(' ');
            }
            double roll = random.nextDouble();
            if (roll < TOPIC_SHARE) {
                text.append(names.get(random.nextInt(names.size())));
            } else if (roll < TOPIC_SHARE + PASSING_NAME_SHARE) {
                text.append(passing.get(random.nextInt(passing.size())));
            } else {
                text.append(common[random.nextInt(common.length)]);
            }
        }
        return text.toString();
    }

    /** A headline: the story's first name and a few words. */
    String headline(Topic topic) {
        return capitalised(topic.names().get(0) + " " + words(5 + random.nextInt(8), topic));
    }

    /** Two words a reader might search for to find a story about {@code topic}: two of its names, or a name and a word. */
    String query(Topic topic) {
        List<String> names = topic.names();
        String first = names.get(random.nextInt(names.size()));
        String second = random.nextBoolean() ? names.get(random.nextInt(names.size()))
                : common[random.nextInt(common.length)];
        return second.equals(first) ? first : first + " " + second;
    }

    /** A name drawn by Zipf's law (with the flatter head) over all of them. */
    String name() {
        int k = Arrays.binarySearch(cumulative, random.nextDouble());
        return names[Math.min(names.length - 1, k < 0 ? -k - 1 : k)];
    }

    /** A word from the common ones, as often as it is used. */
    String commonWord() {
        return common[random.nextInt(common.length)];
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Pronounceable made-up names, always the same ones in the same order, none of them a common word. */
    private String[] names(Random syllables) {
        Set<String> known = new HashSet<>(Arrays.asList(common));
        Set<String> made = new LinkedHashSet<>();
        while (made.size() < NAMES) {
            StringBuilder name = new StringBuilder();
            int parts = 2 + syllables.nextInt(2);
            for (int i = 0; i < parts; i++) {
                name.append(ONSETS[syllables.nextInt(ONSETS.length)]).append(VOWELS[syllables.nextInt(VOWELS.length)]);
            }
            name.append(CODAS[syllables.nextInt(CODAS.length)]);
            String word = capitalised(name.toString());
            if (!known.contains(word.toLowerCase(Locale.ROOT))) {
                made.add(word);
            }
        }
        return made.toArray(String[]::new);
    }

    /** The seeded report's words (each as often as it is used there) and a newsroom list, twice. */
    private static String[] commonWords() {
        try (InputStream in = NewsText.class.getClassLoader().getResourceAsStream("seed/afghanistan-report.txt")) {
            String report = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            List<String> words = new ArrayList<>(Arrays.stream(report.split("[^\\p{L}]+"))
                    .filter(word -> word.length() > 1).toList());
            words.addAll(Arrays.asList(NEWSROOM_WORDS));
            words.addAll(Arrays.asList(NEWSROOM_WORDS));
            return words.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
