package io.broadsheet.caching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** What a view writes through the captured page's writer is what the response gets, once copied, in its charset. */
class CapturedPageTest {

    MockHttpServletResponse response() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("text/html;charset=UTF-8");
        return response;
    }

    @Test
    void piecesWrittenInEveryWayArriveWholeAndEncodedOnce() throws Exception {
        MockHttpServletResponse response = response();
        CapturedPage page = new CapturedPage(response);
        PrintWriter writer = page.getWriter();
        writer.write("<p>Zürich");
        writer.write(' ');
        writer.write("— 4.8 °C, ".toCharArray(), 0, 10);
        // a character outside the basic plane, its two halves written apart
        String face = "\uD83D\uDE00";
        writer.write(face.charAt(0));
        writer.write(face.charAt(1));
        writer.print("</p>");
        String expected = "<p>Zürich — 4.8 °C, " + face + "</p>";

        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(page.getContentSize()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
        assertThat(page.getContentAsByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));

        writer.write(" and more");
        page.copyBodyToResponse();

        byte[] sent = (expected + " and more").getBytes(StandardCharsets.UTF_8);
        assertThat(response.getContentAsByteArray()).isEqualTo(sent);
        assertThat(response.getContentLength()).isEqualTo(sent.length);
    }

    @Test
    void aLongPageGrowsTheBufferWithoutLosingAnything() throws Exception {
        MockHttpServletResponse response = response();
        CapturedPage page = new CapturedPage(response);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            String piece = "<li>" + i + "</li>";
            page.getWriter().write(piece);
            expected.append(piece);
        }
        page.copyBodyToResponse();

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void aResetBufferDropsWhatWasWrittenSoFar() throws Exception {
        MockHttpServletResponse response = response();
        CapturedPage page = new CapturedPage(response);
        page.getWriter().write("half a page that failed");
        page.resetBuffer();
        page.getOutputStream().write("the page kept from before".getBytes(StandardCharsets.UTF_8));
        page.copyBodyToResponse();

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("the page kept from before");
    }
}
