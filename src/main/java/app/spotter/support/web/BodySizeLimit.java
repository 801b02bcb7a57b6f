package app.spotter.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body is at most {@link #LIMIT} bytes, checked before anything parses it (anonymous endpoints
 * included): a declared Content-Length over the limit is refused at once; a chunked body is read into a buffer of
 * at most the limit plus one byte and refused when it does not fit. Either way the answer is 413 problem+json and
 * memory per request stays bounded. Runs before Spring Security, so an oversized login is never parsed either.
 */
public final class BodySizeLimit extends OncePerRequestFilter {

    public static final int LIMIT = 1024 * 1024;

    private static final String TOO_LARGE = """
            {"type":"about:blank","title":"Content too large","status":413,\
            "detail":"The request body is larger than 1 MiB."}""";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > LIMIT) {
            refuse(response);
            return;
        }
        if (declared >= 0 || !chunked(request) || isForm(request)) {
            // a known length within the limit; chunked form posts are bounded by Tomcat's max-http-form-post-size
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            refuse(response);
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private static boolean chunked(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT)
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        // the rest of the body is not read: the connection is closed rather than drained (RFC 9110 15.5.14)
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(TOO_LARGE);
    }

    /** The request with its (already bounded) body served from memory. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
