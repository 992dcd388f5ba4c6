package org.gridaid.shared.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gridaid.shared.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of /api/** as application/problem+json with a stable type. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private static final Map<Integer, java.net.URI> TYPE_BY_STATUS = Map.of(
      400, Problems.MALFORMED_REQUEST,
      401, Problems.UNAUTHENTICATED,
      403, Problems.FORBIDDEN,
      404, Problems.NOT_FOUND,
      405, Problems.METHOD_NOT_ALLOWED,
      406, Problems.NOT_ACCEPTABLE,
      409, Problems.CONFLICT,
      413, Problems.PAYLOAD_TOO_LARGE,
      415, Problems.UNSUPPORTED_MEDIA_TYPE);

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    return Problems.validation(e.errors());
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    return Problems.validation(e.getConstraintViolations().stream()
        .map(v -> new FieldError(fieldOf(v), v.getMessage()))
        .toList());
  }

  /**
   * The field as the caller sent it: a parameter of a controller method by its name in the
   * request ({@code Idempotency-Key}, not {@code idempotencyKey}), else the last node of the path.
   */
  private static String fieldOf(ConstraintViolation<?> violation) {
    List<Path.Node> nodes = new java.util.ArrayList<>();
    violation.getPropertyPath().forEach(nodes::add);
    if (nodes.size() == 2 && nodes.get(0).getKind() == ElementKind.METHOD
        && nodes.get(1).getKind() == ElementKind.PARAMETER) {
      Path.MethodNode method = nodes.get(0).as(Path.MethodNode.class);
      try {
        Method declared = violation.getRootBeanClass().getDeclaredMethod(method.getName(),
            method.getParameterTypes().toArray(Class<?>[]::new));
        MethodParameter parameter = new MethodParameter(declared,
            nodes.get(1).as(Path.ParameterNode.class).getParameterIndex());
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        String name = parameterName(parameter);
        if (name != null) {
          return name;
        }
      } catch (NoSuchMethodException e) {
        // a method of a proxy or a bridge: its path has to do
      }
    }
    return lastNode(violation.getPropertyPath().toString());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", e.getMessage());
  }

  /** Two people changed the same case or round at once: the second one reads it again and retries. */
  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
    return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
        "Somebody changed this at the same moment; nothing of yours was saved. Read it again and retry.");
  }

  /** A row that somebody else stored at the same moment with the same key. */
  @ExceptionHandler(DuplicateKeyException.class)
  ProblemDetail duplicate(DuplicateKeyException e) {
    return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
        "This is already stored; nothing of yours was saved. Read it again and retry.");
  }

  /**
   * A value the database refused (too long, or a character it cannot store) that no check
   * caught before: a fault of the request, not of the server, but a check is missing; the
   * bad-input tests name each field, so this answer should never be seen.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
    // the message is not logged: it may quote the value, which may be personal data
    log.warn("A value of an API call was refused by the database (SQL state {}); a check is missing",
        e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "?");
    return Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST, "Malformed request",
        "A value of the request cannot be stored (too long, or characters that are not text); nothing was changed.");
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS, "Too many requests",
            e.getMessage()));
  }

  @ExceptionHandler(IntakeAdmission.Overloaded.class)
  ResponseEntity<ProblemDetail> overloaded(IntakeAdmission.Overloaded e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.OVERLOADED, "Overloaded", e.getMessage()));
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail accessDenied(AccessDeniedException e) {
    return Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
        "You are signed in but not allowed to do this.");
  }

  /** A body read past its limit (a chunked one: a declared length over it never gets here). */
  @ExceptionHandler(RequestBodyLimit.BodyTooLargeException.class)
  ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyLimit.BodyTooLargeException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.payloadTooLarge(e.limit()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseUnavailable.causedBy(e)) {
      log.warn("Database unreachable, answered 503: {}", e.getMessage());
      return DatabaseUnavailable.answer();
    }
    log.error("Unhandled error in API call", e);
    return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL,
        "Internal error", "The request could not be completed; nothing was changed. Please try again."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
        .collect(Collectors.toList());
    e.getBindingResult().getGlobalErrors().forEach(g ->
        errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(Problems.validation(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
            parameterName(r.getMethodParameter()), err.getDefaultMessage())))
        .toList();
    return ResponseEntity.badRequest().body(Problems.validation(errors));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(Problems.validation(
        List.of(new FieldError(e.getParameterName(), "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(Problems.validation(
        List.of(new FieldError(e.getRequestPartName(), "is required"))));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    return ResponseEntity.badRequest().body(Problems.validation(
        List.of(new FieldError(field, "has an invalid value"))));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.payloadTooLarge(e.getMaxUploadSize()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    RequestBodyLimit.BodyTooLargeException tooLarge = causeOf(e, RequestBodyLimit.BodyTooLargeException.class);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.payloadTooLarge(tooLarge.limit()));
    }
    // a value Jackson could not take for its field: of the wrong type, out of range (a number
    // too large for its field), not one of an enum's codes, or not valid JSON inside the field
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = jsonPath(mapping.getPath());
      String message = mapping instanceof UnrecognizedPropertyException ? "is not a known field"
          : mapping instanceof MismatchedInputException && !(mapping instanceof InvalidFormatException)
              ? "has the wrong type"
              : "has an invalid value";
      return ResponseEntity.badRequest().body(Problems.validation(List.of(new FieldError(field, message))));
    }
    return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST,
        Problems.MALFORMED_REQUEST, "Malformed request", "The request body is missing or is not valid JSON."));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(TYPE_BY_STATUS.getOrDefault(status.value(), Problems.INTERNAL));
    }
    return response;
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(ref.getFieldName());
      } else {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  /** A request parameter, path variable or header by the name the caller sends it under. */
  private static String parameterName(MethodParameter parameter) {
    for (var type : List.of(RequestParam.class, PathVariable.class, RequestHeader.class)) {
      var annotation = AnnotatedElementUtils.findMergedAnnotationAttributes(parameter.getParameter(), type, false,
          false);
      if (annotation != null && !annotation.getString("name").isEmpty()) {
        return annotation.getString("name");
      }
    }
    return parameter.getParameterName();
  }

  private static String lastNode(String propertyPath) {
    int dot = propertyPath.lastIndexOf('.');
    return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
  }
}
