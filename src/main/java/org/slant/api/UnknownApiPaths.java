package org.slant.api;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * An {@code /api} path that no controller serves is a JSON 404. Without this, Spring MVC hands it on to
 * Vaadin (which serves every path nothing else does) and a script gets the app's HTML. Ordered right after
 * the controllers' mapping, so a known path with the wrong method still answers 405.
 */
@Configuration(proxyBeanMethods = false)
class UnknownApiPaths {

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping() {
        HttpRequestHandler notFound = (request, response) -> {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No API endpoint " + request.getMethod() + " "
                    + request.getRequestURI() + "; the endpoints are listed at /v3/api-docs");
        };
        return new SimpleUrlHandlerMapping(Map.of("/api/**", notFound), 1);
    }
}
