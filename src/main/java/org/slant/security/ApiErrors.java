package org.slant.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's error body, {@code {"error": "...", "status": n}} and anything more a refusal names (a limit
 * and its value): the one shape of every error answer under {@code /api}, whether a filter gives it before
 * a controller runs or org.slant.api.ApiExceptionHandlers gives it for a controller.
 */
public final class ApiErrors {

    /** What a fault of the server is answered with: its details stay in the log. */
    public static final String SERVER_FAULT = "Something went wrong on the server. It is logged; if it happens again, "
            + "tell the admin the time it happened.";

    private ApiErrors() {
    }

    public static Map<String, Object> body(int status, String message, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status);
        body.putAll(more);
        return body;
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, message, Map.of());
    }

    public static void write(HttpServletResponse response, int status, String message, Map<String, Object> more)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body(status, message, more)));
    }

    /** An {@code /api} request, also when it comes back as the ERROR dispatch (to /error) of one. */
    public static boolean isApiRequest(HttpServletRequest request) {
        String uri = request.getDispatcherType() == DispatcherType.ERROR
                ? (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) : request.getRequestURI();
        if (uri == null) {
            return false;
        }
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.equals("/api") || path.startsWith("/api/");
    }

    /**
     * Answers the ERROR dispatch of an {@code /api} request in JSON, instead of Spring Boot's error page in
     * the UI's filter chain (where the token does not count and a script would get 302 to the login page).
     * It comes from what never reached a controller: a URL the firewall rejects, a failure in a filter
     * (already logged by the container). A server fault is answered without its details.
     */
    static final class ErrorDispatchFilter implements Filter {

        @Override
        public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
                throws ServletException, IOException {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            HttpServletResponse response = (HttpServletResponse) servletResponse;
            if (request.getDispatcherType() != DispatcherType.ERROR) {
                chain.doFilter(request, response);
                return;
            }
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            if (status >= 500 || request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null
                    || message == null || message.isBlank()) {
                HttpStatus known = HttpStatus.resolve(status);
                message = status >= 500 ? SERVER_FAULT : known != null ? known.getReasonPhrase() : "Refused";
            }
            write(response, status, message);
        }
    }
}
