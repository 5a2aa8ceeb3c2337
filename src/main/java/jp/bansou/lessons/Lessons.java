package jp.bansou.lessons;

import java.util.List;
import jp.bansou.engine.Var;

/** The variables of process {@code lesson}: a companion's lesson, reviewed, then published. */
public final class Lessons {

  public static final String PROCESS_KEY = "lesson";

  public static final Var<String> WRITTEN_BY = Var.text("lessonWrittenBy");

  // the office type and purpose are the visit forms' own (jp.bansou.accompaniment.Visit)
  public static final Var<String> PROBLEM_FIELD = Var.text("lessonProblemField");
  public static final Var<String> WHAT_WAS_SAID = Var.text("lessonWhatWasSaid");
  public static final Var<String> WHAT_WORKED = Var.text("lessonWhatWorked");
  public static final Var<List<String>> DOCUMENTS = Var.list("lessonDocuments");

  /** The coordinator's review: {@link #PUBLISH} or return to the writer with a note. */
  public static final Var<String> DECISION = Var.text("lessonDecision");

  public static final String PUBLISH = "publish";
  public static final Var<String> REVIEW_NOTE = Var.text("lessonReviewNote");
  public static final Var<String> REVIEWED_BY = Var.text("lessonReviewedBy");

  /** The lesson's categories as the reviewer reads them (names from the reference lists). */
  public static final Var<String> SUMMARY = Var.text("lessonSummary");

  private Lessons() {}
}
