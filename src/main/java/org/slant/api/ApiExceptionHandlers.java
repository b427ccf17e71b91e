package org.slant.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slant.annotation.StaleLayerException;
import org.slant.document.DocumentNotFoundException;
import org.slant.security.ApiErrors;
import org.slant.security.DocumentNotVisible;
import org.slant.storage.LimitExceededException;
import org.slant.storage.StorageFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error answer of {@code /api/**}: JSON {@code {"error": "what was wrong", "status": n}} with the
 * status, never a redirect or a page. 400 a bad request (malformed or missing body, bad parameter, offsets
 * out of range), 403 a refusal with its reason, 404 an unknown document (or one the caller may not see:
 * the same answer, see {@link DocumentNotVisible}) or path, 405, 409 a stale revision, 413 over a limit,
 * 415, 507 a full disk, 500 anything else (logged once, answered with a generic message). 401 and the
 * answers for requests that never reach a controller come from the security configuration.
 * <p>
 * Not limited to this package's controllers: Spring MVC's own refusals (405, 415, no such path, an upload
 * too large) happen before a controller is chosen. For requests outside {@code /api} each handler rethrows,
 * which leaves them to Spring's default handling as if this advice did not exist.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandlers {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandlers.class);

    private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
        if (!ApiErrors.isApiRequest(request)) {
            throw e; // not ours: Spring goes on as though this handler had not matched
        }
    }

    static ResponseEntity<Map<String, Object>> answer(HttpStatusCode status, String message) {
        return answer(status, message, Map.of());
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatusCode status, String message, Map<String, Object> more) {
        // a preset content type is written as is, whatever the request's Accept says
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiErrors.body(status.value(), message, more));
    }

    /** A document that does not exist, or one the caller may not see: one answer for both. */
    @ExceptionHandler({DocumentNotFoundException.class, DocumentNotVisible.class})
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e, HttpServletRequest request) {
        requireApi(request, e);
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(AccessDeniedException e, HttpServletRequest request) {
        requireApi(request, e);
        return answer(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e, HttpServletRequest request) {
        requireApi(request, e);
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** No body, or one that cannot be read; Spring's own message names a Java method, so it is not passed on. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        requireApi(request, e);
        return answer(HttpStatus.BAD_REQUEST, "The request body is missing or cannot be read");
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(TypeMismatchException e, HttpServletRequest request) {
        requireApi(request, e);
        String name = e.getPropertyName() == null ? "a parameter" : "\"" + e.getPropertyName() + "\"";
        String type = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return answer(HttpStatus.BAD_REQUEST, "The value \"" + e.getValue() + "\" of " + name + " is not a " + type);
    }

    @ExceptionHandler(StaleLayerException.class)
    ResponseEntity<Map<String, Object>> stale(StaleLayerException e, HttpServletRequest request) {
        requireApi(request, e);
        return answer(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<Map<String, Object>> overLimit(LimitExceededException e, HttpServletRequest request) {
        requireApi(request, e);
        log.warn("Refused over {}: {}", e.limitName(), e.getMessage());
        return answer(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), Map.of("limit", e.limitName(), "value", e.limit()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        requireApi(request, e);
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("limit", "spring.servlet.multipart.max-request-size");
        if (e.getMaxUploadSize() >= 0) {
            more.put("value", e.getMaxUploadSize());
        }
        return answer(HttpStatus.CONTENT_TOO_LARGE, "The upload is too large", more);
    }

    @ExceptionHandler(StorageFullException.class)
    ResponseEntity<Map<String, Object>> storageFull(StorageFullException e, HttpServletRequest request) {
        requireApi(request, e);
        log.error("Refused a write to {}: no room in storage", request.getRequestURI(), e);
        return answer(HttpStatus.INSUFFICIENT_STORAGE, "Not saved: the server's storage is full. Nothing was changed; "
                + "ask the admin to free space, then try again.");
    }

    /**
     * Anything else. Spring MVC's own refusals carry their status: 405 (with Allow), 415 (with Accept), a
     * missing parameter (400), no such path (404), 406; their detail is a plain sentence such as "Method
     * 'PATCH' is not supported.". The rest is a fault of the server: logged here, once, and answered
     * without internals.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) throws Exception {
        requireApi(request, e);
        if (e instanceof ErrorResponse refusal && !refusal.getStatusCode().is5xxServerError()) {
            HttpStatusCode status = refusal.getStatusCode();
            String detail = refusal.getBody().getDetail();
            HttpStatus known = HttpStatus.resolve(status.value());
            ResponseEntity<Map<String, Object>> answer = answer(status, detail != null && !detail.isBlank() ? detail
                    : known != null ? known.getReasonPhrase() : "Refused");
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(answer.getHeaders());
            headers.putAll(refusal.getHeaders());
            return new ResponseEntity<>(answer.getBody(), headers, status);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            log.debug("{} {}: the client went away", request.getMethod(), request.getRequestURI(), e);
            return null; // nobody to answer
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ApiErrors.SERVER_FAULT);
    }

}
