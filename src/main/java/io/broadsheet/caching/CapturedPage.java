package io.broadsheet.caching;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A rendered page's body, held until {@link RenderedPages} has looked at it and copied it to the response, as
 * Spring's {@link ContentCachingResponseWrapper} holds it, but with a writer of its own. Spring's writer flushes its
 * encoder after every write, and a view writes a page in a few thousand pieces (each tag, attribute and text): each
 * piece allocated a copy of its characters and a buffer around them, 13% of everything a search allocated at a
 * million stories. Here the characters are collected in one growing array and encoded once, when the body is
 * read or copied.
 */
final class CapturedPage extends ContentCachingResponseWrapper {

    /** Enough characters for most reader pages without growing. */
    private static final int FIRST_CAPACITY = 16 * 1024;

    /** Made when the view asks for the writer (a kept page, a 304 or a redirect never does). */
    private Characters characters;
    private PrintWriter writer;
    private Charset charset;

    CapturedPage(HttpServletResponse response) {
        super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            charset = Charset.forName(getCharacterEncoding());
            characters = new Characters();
            writer = new PrintWriter(characters, false);
        }
        return writer;
    }

    /** The characters written so far, encoded and added to the bytes held (once each). */
    private void encodeWritten() throws IOException {
        if (characters != null && characters.size > 0) {
            byte[] bytes = new String(characters.chars, 0, characters.size).getBytes(charset);
            characters.size = 0;
            getOutputStream().write(bytes);
        }
    }

    private void encodeWrittenUnchecked() {
        try {
            encodeWritten();
        } catch (IOException cannotHappen) {
            // the bytes go to memory
            throw new IllegalStateException(cannotHappen);
        }
    }

    @Override
    public byte[] getContentAsByteArray() {
        encodeWrittenUnchecked();
        return super.getContentAsByteArray();
    }

    @Override
    public InputStream getContentInputStream() {
        encodeWrittenUnchecked();
        return super.getContentInputStream();
    }

    @Override
    public int getContentSize() {
        encodeWrittenUnchecked();
        return super.getContentSize();
    }

    @Override
    protected void copyBodyToResponse(boolean complete) throws IOException {
        encodeWritten();
        super.copyBodyToResponse(complete);
    }

    @Override
    public void resetBuffer() {
        forgetWritten();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        forgetWritten();
        super.reset();
    }

    private void forgetWritten() {
        if (characters != null) {
            characters.size = 0;
        }
    }

    /** A writer into a growing array of characters: nothing is allocated per write. */
    private static final class Characters extends Writer {

        private char[] chars = new char[FIRST_CAPACITY];
        private int size;

        private void ensure(int more) {
            if (size + more > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, size + more));
            }
        }

        @Override
        public void write(int c) {
            ensure(1);
            chars[size++] = (char) c;
        }

        @Override
        public void write(char[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, chars, size, length);
            size += length;
        }

        @Override
        public void write(String source, int offset, int length) {
            ensure(length);
            source.getChars(offset, offset + length, chars, size);
            size += length;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
