package jp.bansou.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The document templates shipped as data ({@code src/main/resources/documents/<type>.md}, one per
 * code of reference/document-types.csv): plain text with 【 】 where the person's facts go, never an
 * identifier. Edited like any reference list, without Java.
 */
@Component
public class DocumentTemplates {

  /** The template of a document type, if one is shipped. */
  public Optional<String> of(String documentType) {
    if (documentType == null || !documentType.matches("[a-z0-9-]+")) {
      return Optional.empty();
    }
    ClassPathResource resource =
        new ClassPathResource(DocumentPreparation.TEMPLATES + documentType + ".md");
    if (!resource.exists()) {
      return Optional.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
