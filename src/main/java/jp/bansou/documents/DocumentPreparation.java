package jp.bansou.documents;

import java.time.LocalDate;
import jp.bansou.engine.Var;

/** The variables of process {@code document-preparation}: one document at a time. */
public final class DocumentPreparation {

  public static final String PROCESS_KEY = "document-preparation";

  /** Where the templates are shipped: {@code documents/<document type>.md} on the class path. */
  static final String TEMPLATES = "documents/";

  public static final Var<String> DOCUMENT_TYPE = Var.text("documentType");
  public static final Var<String> DOCUMENT_NAME = Var.text("documentName");
  public static final Var<String> DOCUMENT_TEMPLATE = Var.text("documentTemplate");
  public static final Var<String> DRAFTER = Var.text("drafter");
  public static final Var<LocalDate> DOCUMENT_DUE_DATE = Var.date("documentDueDate");
  public static final Var<String> DRAFT_RESULT = Var.text("draftResult");
  public static final Var<String> SUBMISSION = Var.text("submission");
  public static final Var<LocalDate> SUBMITTED_ON = Var.date("submittedOn");
  public static final Var<Boolean> ANOTHER_DOCUMENT = Var.flag("anotherDocument");

  private DocumentPreparation() {}
}
