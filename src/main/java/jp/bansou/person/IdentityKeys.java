package jp.bansou.person;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The keys that seal a person's identifiers, as Google Tink keysets (AES-256-GCM to encrypt, HMAC-
 * SHA256 for the duplicate-check indexes), read from one JSON document {@code {"aead": <keyset>,
 * "mac": <keyset>}}. A keyset may hold several keys: the primary seals, the others still open what
 * they sealed, so a key is rotated by adding a new primary (see {@link KeysetTool}).
 */
public final class IdentityKeys {

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    try {
      AeadConfig.register();
      MacConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not register its primitives", e);
    }
  }

  private final KeysetHandle aeadKeys;
  private final KeysetHandle macKeys;
  private final Aead aead;
  private final Mac mac;

  private IdentityKeys(KeysetHandle aeadKeys, KeysetHandle macKeys) {
    try {
      this.aeadKeys = aeadKeys;
      this.macKeys = macKeys;
      this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
      this.mac = macKeys.getPrimitive(RegistryConfiguration.get(), Mac.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The identity keys cannot be used", e);
    }
  }

  /** Keys from their JSON document (the environment's {@code BANSOU_IDENTITY_KEYS}). */
  public static IdentityKeys parse(String document) {
    try {
      JsonNode json = JSON.readTree(document);
      return new IdentityKeys(
          TinkJsonProtoKeysetFormat.parseKeyset(
              json.get("aead").toString(), InsecureSecretKeyAccess.get()),
          TinkJsonProtoKeysetFormat.parseKeyset(
              json.get("mac").toString(), InsecureSecretKeyAccess.get()));
    } catch (IOException | GeneralSecurityException | NullPointerException e) {
      throw new IllegalArgumentException(
          "BANSOU_IDENTITY_KEYS is not a key document made by 'java -jar … keys new'", e);
    }
  }

  /** Fresh keys: one AES-256-GCM key and one HMAC key. */
  public static IdentityKeys generate() {
    try {
      return new IdentityKeys(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
          KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Demo mode: the keys in a file under ./data/, made on the first start. */
  public static IdentityKeys fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, generate().document());
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // Windows: the folder's own permissions apply
        }
      }
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the identity keys " + file, e);
    }
  }

  /** The same keys with a new primary of each kind; the old keys stay to open older seals. */
  public IdentityKeys rotated() {
    try {
      return new IdentityKeys(
          KeysetHandle.newBuilder(aeadKeys)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build(),
          KeysetHandle.newBuilder(macKeys)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(
                          PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                      .withRandomId()
                      .makePrimary())
              .build());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON document of these keys: secret, for the environment or the demo file only. */
  public String document() {
    try {
      ObjectNode json = JSON.createObjectNode();
      json.set(
          "aead",
          JSON.readTree(
              TinkJsonProtoKeysetFormat.serializeKeyset(aeadKeys, InsecureSecretKeyAccess.get())));
      json.set(
          "mac",
          JSON.readTree(
              TinkJsonProtoKeysetFormat.serializeKeyset(macKeys, InsecureSecretKeyAccess.get())));
      return JSON.writeValueAsString(json);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The id of the key that seals now; rows sealed under another are resealed at start-up. */
  public long primaryKeyId() {
    return Integer.toUnsignedLong(aeadKeys.getPrimary().getId());
  }

  byte[] seal(byte[] plaintext, byte[] associatedData) {
    try {
      return aead.encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Sealing failed", e);
    }
  }

  byte[] open(byte[] ciphertext, byte[] associatedData) {
    try {
      return aead.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "A sealed identity cannot be opened with these keys: was a key removed too early?", e);
    }
  }

  /** A keyed, one-way fingerprint: equal inputs give equal indexes, nothing can be read back. */
  String index(String value) {
    try {
      return java.util.HexFormat.of()
          .formatHex(mac.computeMac(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
