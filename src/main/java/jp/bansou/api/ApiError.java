package jp.bansou.api;

/**
 * The body of every refusal of our own API: a Japanese message a person can act on. {@code type} is
 * {@code refused} when the person can change something and try again, {@code error} when the
 * failure is ours; {@link ApiErrors} leaves such bodies as they are.
 */
public record ApiError(String type, String message) {

  public ApiError(String message) {
    this("refused", message);
  }

  static ApiError failure(String message) {
    return new ApiError("error", message);
  }
}
