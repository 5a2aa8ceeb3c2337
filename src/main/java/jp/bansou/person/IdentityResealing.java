package jp.bansou.person;

import jp.bansou.engine.StartupStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After a key rotation ({@code keys rotate}): every identity sealed under an older key is sealed
 * again under the new primary, so that the old key can later be removed from the document.
 */
@Component
public class IdentityResealing implements StartupStep {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityResealing.class);

  private final IdentityVault vault;

  public IdentityResealing(IdentityVault vault) {
    this.vault = vault;
  }

  @Override
  public String name() {
    return "identities sealed under the newest key";
  }

  @Override
  public int getOrder() {
    return MODELS + 60;
  }

  @Override
  public void run() {
    int resealed = vault.resealUnderPrimary();
    if (resealed > 0) {
      LOG.info("Identity keys rotated: {} identities sealed again under the new key.", resealed);
    }
  }
}
