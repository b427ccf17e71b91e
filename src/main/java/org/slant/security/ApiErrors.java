package org.slant.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The API's error body, {@code {"error": "..."}}, for answers given before a controller runs. */
final class ApiErrors {

    private ApiErrors() {
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(Map.of("error", message)));
    }
}
