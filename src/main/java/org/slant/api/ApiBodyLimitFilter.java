package org.slant.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slant.security.ApiErrors;
import org.slant.storage.LimitExceededException;
import org.slant.storage.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every {@code /api/**} request while it is read, before anything buffers it: a declared
 * Content-Length over the limit is answered 413 at once, without reading a byte of the body; a chunked
 * body is counted as the controller reads it and refused (413, via {@link LimitExceededException}) at
 * the first byte over. The annotation import ({@code POST /api/import}) carries a file and has the
 * upload limit; every other endpoint has {@code slant.limits.api-body-bytes}.
 */
class ApiBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiBodyLimitFilter.class);

    private final Limits limits;

    ApiBodyLimitFilter(Limits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean upload = path.equals("/api/import");
        String name = upload ? Limits.UPLOAD_BYTES : Limits.API_BODY_BYTES;
        long max = (upload ? limits.uploadBytes() : limits.apiBodyBytes()).toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            refuse(response, new LimitExceededException(name, max, "The request body is " + Limits.size(declared)
                    + "; the limit is " + Limits.size(max) + " (" + name + ")"), request);
            return;
        }
        try {
            chain.doFilter(new CappedRequest(request, name, max), response);
        } catch (LimitExceededException e) {
            // thrown while something outside a controller read the body; a controller's is answered by ApiExceptionHandlers
            if (response.isCommitted()) {
                throw e;
            }
            refuse(response, e, request);
        }
    }

    private static void refuse(HttpServletResponse response, LimitExceededException e, HttpServletRequest request)
            throws IOException {
        log.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        // the rest of the body is never read: close the connection rather than drain it
        response.setHeader("Connection", "close");
        ApiErrors.write(response, HttpStatus.CONTENT_TOO_LARGE.value(), e.getMessage(),
                Map.of("limit", e.limitName(), "value", e.limit()));
    }

    /** The request with its body counted as it is read. */
    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final String limitName;
        private final long max;
        private ServletInputStream stream;

        CappedRequest(HttpServletRequest request, String limitName, long max) {
            super(request);
            this.limitName = limitName;
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CappedStream(super.getInputStream(), limitName, max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final String limitName;
        private final long max;
        private long count;

        CappedStream(ServletInputStream in, String limitName, long max) {
            this.in = in;
            this.limitName = limitName;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > max) {
                throw new LimitExceededException(limitName, max, "The request body is over the limit of "
                        + Limits.size(max) + " (" + limitName + ")");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
