package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.broadsheet.system.SiteProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What an ETag is taken from. A kept record (a story's view, a listing) is described once and its description
 * remembered by identity; a record made for one response ({@link ReaderCaching.NotKept}) is described each time, and
 * so are the records inside it. The lists below change under a record only to show which of the two happened: the
 * site's records hold nothing that changes.
 */
class ReaderCachingEtagTest {

    private final ReaderCaching caching = new ReaderCaching(
            new CacheProperties(Duration.ofSeconds(60), Duration.ofMinutes(5), DataSize.ofMegabytes(8),
                    DataSize.ofMegabytes(16)),
            new SiteProperties("Broadsheet", ZoneId.of("UTC"), URI.create("http://localhost:8080")));

    record Item(String headline) {
    }

    record Kept(List<Item> items) {
    }

    record Results(List<Item> items) implements ReaderCaching.NotKept {
    }

    record Page(Kept inside) implements ReaderCaching.NotKept {
    }

    @Test
    void aKeptRecordIsDescribedOnceAndRememberedByIdentity() {
        List<Item> items = new ArrayList<>(List.of(new Item("Taliban take Kandahar")));
        Kept kept = new Kept(items);
        String first = caching.etag("view", kept);

        items.add(new Item("Kabul braces"));

        assertThat(caching.etag("view", kept)).isEqualTo(first);
        assertThat(caching.etag("view", new Kept(List.copyOf(items)))).isNotEqualTo(first);
    }

    @Test
    void aRecordMadeForOneResponseIsDescribedEachTime() {
        List<Item> items = new ArrayList<>(List.of(new Item("Taliban take Kandahar")));
        Results results = new Results(items);
        String first = caching.etag("search", results);

        assertThat(caching.etag("search", results)).isEqualTo(first);
        items.add(new Item("Kabul braces"));

        assertThat(caching.etag("search", results)).isNotEqualTo(first);
    }

    @Test
    void recordsInsideOneMadeForOneResponseAreNotRememberedEither() {
        List<Item> items = new ArrayList<>(List.of(new Item("Taliban take Kandahar")));
        Page page = new Page(new Kept(items));
        String first = caching.etag("page", page);

        items.set(0, new Item("Taliban take Herat"));

        assertThat(caching.etag("page", page)).isNotEqualTo(first);
    }

    @Test
    void theSameContentGivesTheSameEtagWhetherRememberedOrNot() {
        Results results = new Results(List.of(new Item("Taliban take Kandahar")));

        assertThat(caching.etag("search", results))
                .isEqualTo(caching.etag("search", new Results(List.of(new Item("Taliban take Kandahar")))))
                .isNotEqualTo(caching.etag("search", new Results(List.of(new Item("Taliban take Herat")))))
                .startsWith("W/\"");
    }
}
