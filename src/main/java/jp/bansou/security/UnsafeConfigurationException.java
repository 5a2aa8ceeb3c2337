package jp.bansou.security;

/** A setting that would make the system unsafe or unusable; its message is one line for people. */
public class UnsafeConfigurationException extends RuntimeException {

  public UnsafeConfigurationException(String problem) {
    super("Refusing to start in production: " + problem + ".");
  }
}
