package jp.bansou.api;

import java.util.UUID;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Our own API's refusals and failures as Japanese JSON, never a stack trace. */
@RestControllerAdvice
public class ApiExceptions {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptions.class);

  private final Texts texts;

  public ApiExceptions(Texts texts) {
    this.texts = texts;
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<ApiError> refused(Refusal refusal) {
    return ResponseEntity.badRequest().body(new ApiError(refusal.getMessage()));
  }

  @ExceptionHandler({
    org.springframework.web.servlet.resource.NoResourceFoundException.class,
    org.springframework.web.servlet.NoHandlerFoundException.class
  })
  ResponseEntity<ApiError> notFound(Exception e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ApiError.failure(texts.get("api.error.notFound")));
  }

  @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> wrongMethod(Exception e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(new ApiError(texts.get("api.error.badRequest")));
  }

  /** The caller accepts no JSON: nothing we could answer would be read, so no body at all. */
  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Void> notAcceptable(Exception e) {
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
  }

  /** A date in the address written another way (2025/1/2, 令和7年): says how to write it. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> mismatched(MethodArgumentTypeMismatchException e) {
    if (e.getRequiredType() == java.time.LocalDate.class) {
      return ResponseEntity.badRequest()
          .body(new ApiError(texts.get("api.error.badDate", e.getName())));
    }
    return unreadable(e);
  }

  @ExceptionHandler({
    org.springframework.web.HttpMediaTypeNotSupportedException.class,
    HttpMessageNotReadableException.class,
    MissingServletRequestParameterException.class
  })
  ResponseEntity<ApiError> unreadable(Exception e) {
    return ResponseEntity.badRequest().body(new ApiError(texts.get("api.error.badRequest")));
  }

  /** The first line of our own code in the exception's stack, for whoever reads the log. */
  static String where(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frame.getClassName().startsWith("jp.bansou.")) {
          return frame.getClassName() + "." + frame.getMethodName() + ":" + frame.getLineNumber();
        }
      }
    }
    StackTraceElement[] top = e.getStackTrace();
    return top.length == 0 ? "?" : top[0].getClassName() + "." + top[0].getMethodName();
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> failed(Exception e) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    // the type and where it happened, never its message: a message can quote a person's data
    LOG.warn(
        "Answered 500 ({}) in our API: {} at {}",
        reference,
        e.getClass().getSimpleName(),
        where(e));
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(ApiError.failure(texts.get("api.error.server", reference)));
  }
}
