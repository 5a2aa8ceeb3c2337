package jp.bansou.documents;

import static jp.bansou.documents.DocumentPreparation.*;

import jp.bansou.engine.Texts;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives the chosen document its name and its template, for whoever drafts it. */
@Component("prepareDocumentTemplate")
public class PrepareDocumentTemplateDelegate implements JavaDelegate {

  private final DocumentTemplates templates;
  private final ReferenceData reference;
  private final Texts texts;

  public PrepareDocumentTemplateDelegate(
      DocumentTemplates templates, ReferenceData reference, Texts texts) {
    this.templates = templates;
    this.reference = reference;
    this.texts = texts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = DOCUMENT_TYPE.get(execution);
    DOCUMENT_NAME.set(execution, reference.name(ReferenceList.DOCUMENT_TYPES, type));
    DOCUMENT_TEMPLATE.set(execution, templates.of(type).orElse(texts.get("document.noTemplate")));
  }
}
