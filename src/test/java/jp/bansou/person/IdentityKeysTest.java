package jp.bansou.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The identity keys: sealing binds the case, rotation keeps old seals readable. */
class IdentityKeysTest {

  static final byte[] CASE = "2026-000001".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealOpensOnlyWithItsCaseAndItsKeys() {
    IdentityKeys keys = IdentityKeys.generate();
    byte[] sealed = keys.seal("Nguyen".getBytes(StandardCharsets.UTF_8), CASE);

    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Nguyen");
    assertThat(new String(keys.open(sealed, CASE), StandardCharsets.UTF_8)).isEqualTo("Nguyen");
    assertThatThrownBy(() -> keys.open(sealed, "2026-000002".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> IdentityKeys.generate().open(sealed, CASE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rotatedKeysSealWithANewPrimaryAndStillOpenOldSeals() {
    IdentityKeys keys = IdentityKeys.generate();
    byte[] old = keys.seal("Nguyen".getBytes(StandardCharsets.UTF_8), CASE);

    IdentityKeys rotated = IdentityKeys.parse(keys.rotated().document());

    assertThat(rotated.primaryKeyId()).isNotEqualTo(keys.primaryKeyId());
    assertThat(new String(rotated.open(old, CASE), StandardCharsets.UTF_8)).isEqualTo("Nguyen");
    assertThatThrownBy(() -> keys.open(rotated.seal(new byte[] {1}, CASE), CASE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void indexesAreEqualForEqualInputsAndReadNothingBack() {
    IdentityKeys keys = IdentityKeys.generate();
    assertThat(keys.index("phone|09012345678")).isEqualTo(keys.index("phone|09012345678"));
    assertThat(keys.index("phone|09012345678"))
        .isNotEqualTo(keys.index("phone|09012345679"))
        .doesNotContain("09012345678");
    assertThat(IdentityKeys.generate().index("phone|09012345678"))
        .isNotEqualTo(keys.index("phone|09012345678"));
  }

  @Test
  void aDocumentThatIsNotKeysIsRefused() {
    assertThatThrownBy(() -> IdentityKeys.parse("{\"aead\": 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keys new");
  }
}
