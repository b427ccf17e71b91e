package org.slant.api;

import java.util.Map;
import org.slant.document.DocumentNotFoundException;
import org.slant.storage.LimitExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answers every API controller shares: an unknown document is 404, a bad request (unknown format,
 * offsets out of range, a malformed body) is 400, over a limit is 413, each as {@code {"error": "what was wrong"}}. 401
 * and 403 come from the security configuration.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandlers.class)
class ApiExceptionHandlers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandlers.class);

    @ExceptionHandler(DocumentNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(DocumentNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", e.getMessage()));
    }

    /** Over one of the limits: 413, naming the setting and its value. */
    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(LimitExceededException e) {
        log.warn("Refused over {}: {}", e.limitName(), e.getMessage());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage(), "limit", e.limitName(), "value", e.limit()));
    }
}
