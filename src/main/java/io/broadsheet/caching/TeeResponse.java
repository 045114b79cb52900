package io.broadsheet.caching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response that goes to the client as usual while a copy of its body is kept, up to a limit: nothing is held
 * back or delayed, and a body over the limit is simply not copied any further ({@link #copied()} is then null).
 */
class TeeResponse extends HttpServletResponseWrapper {

    private final int limit;
    private ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;

    TeeResponse(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    /** The body as sent, or {@code null} when it was larger than the limit. */
    byte[] copied() {
        return copy == null ? null : copy.toByteArray();
    }

    void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called already");
        }
        if (stream == null) {
            stream = new Tee(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream != null && writer == null) {
            throw new IllegalStateException("getOutputStream() was called already");
        }
        if (writer == null) {
            stream = new Tee(super.getOutputStream());
            writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        flushWriter();
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (copy != null) {
            copy.reset();
        }
    }

    @Override
    public void reset() {
        super.reset();
        if (copy != null) {
            copy.reset();
        }
    }

    private void copy(byte[] bytes, int offset, int length) {
        if (copy == null) {
            return;
        }
        if (copy.size() + length > limit) {
            copy = null;
            return;
        }
        copy.write(bytes, offset, length);
    }

    private final class Tee extends ServletOutputStream {

        private final ServletOutputStream out;

        Tee(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copy(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            copy(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
