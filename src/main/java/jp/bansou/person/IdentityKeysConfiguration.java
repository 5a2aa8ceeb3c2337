package jp.bansou.person;

import java.nio.file.Path;
import jp.bansou.security.UnsafeConfigurationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The identity keys: from {@code BANSOU_IDENTITY_KEYS} when set (production requires it), else in
 * demo mode from a file under ./data/ made on the first start.
 */
@Configuration(proxyBeanMethods = false)
class IdentityKeysConfiguration {

  @Bean
  IdentityKeys identityKeys(
      @Value("${bansou.identity.keys:}") String keys,
      @Value("${bansou.identity.keys-file:}") String keysFile) {
    if (!keys.isBlank()) {
      try {
        return IdentityKeys.parse(keys);
      } catch (IllegalArgumentException e) {
        throw new UnsafeConfigurationException(
            "BANSOU_IDENTITY_KEYS is not a key document (make one with: java -jar"
                + " bansou-case-engine.jar keys new)");
      }
    }
    if (!keysFile.isBlank()) {
      return IdentityKeys.fromFile(Path.of(keysFile));
    }
    throw new UnsafeConfigurationException("BANSOU_IDENTITY_KEYS is not set");
  }
}
