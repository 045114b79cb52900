package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class AcceptsGzipTest {

    @ParameterizedTest(name = "Accept-Encoding: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip, deflate, br | true",
        "deflate, GZIP;q=0.5 | true",
        "* | true",
        "gzip;q=0 | false",
        "gzip; q=0.000, identity | false",
        "*;q=0, gzip | true",
        "gzip;q=0, * | false",
        "*;q=0 | false",
        "identity | false",
        "'' | false"})
    void gzipIsAllowedWhenNamedOrCoveredByAStarAndNotRefused(String acceptEncoding, boolean allowed) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        if (!acceptEncoding.isEmpty()) {
            request.addHeader("Accept-Encoding", acceptEncoding);
        }

        assertThat(PageSnapshots.acceptsGzip(request)).isEqualTo(allowed);
    }
}
