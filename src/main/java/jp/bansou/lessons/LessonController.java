package jp.bansou.lessons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.lessons.LessonRegister.Lesson;
import jp.bansou.reference.ReferenceData;
import jp.bansou.reference.ReferenceData.ReferenceList;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /lessons}: the page where companions search the published lessons, and {@code
 * /api/lessons}, its JSON (categories with their names, the checked texts; never a case number).
 * Behind the same login as Tasklist (jp.bansou.security.ApiAccessFilter).
 */
@Controller
public class LessonController {

  private final LessonRegister register;
  private final ReferenceData reference;

  public LessonController(LessonRegister register, ReferenceData reference) {
    this.register = register;
    this.reference = reference;
  }

  @GetMapping({"/lessons", "/lessons/"})
  public String page() {
    return "forward:/lessons/index.html";
  }

  @GetMapping("/api/lessons")
  @ResponseBody
  public Map<String, Object> search(
      @RequestParam(required = false) String problemField,
      @RequestParam(required = false) String officeType,
      @RequestParam(required = false) String statusCategory,
      @RequestParam(required = false) String prefecture) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put(
        "lessons",
        register.search(problemField, officeType, statusCategory, prefecture).stream()
            .map(this::shown)
            .toList());
    answer.put(
        "choices",
        Map.of(
            "problemField", choices(ReferenceList.PROBLEM_FIELDS),
            "officeType", choices(ReferenceList.OFFICE_TYPES),
            "statusCategory", choices(ReferenceList.STATUS_CATEGORIES),
            "prefecture", choices(ReferenceList.PREFECTURES)));
    return answer;
  }

  private Map<String, Object> shown(Lesson l) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("id", l.id());
    shown.put("officeType", name(ReferenceList.OFFICE_TYPES, l.officeType()));
    shown.put("visitPurpose", name(ReferenceList.VISIT_PURPOSES, l.visitPurpose()));
    shown.put("statusCategory", name(ReferenceList.STATUS_CATEGORIES, l.statusCategory()));
    shown.put("problemField", name(ReferenceList.PROBLEM_FIELDS, l.problemField()));
    shown.put("prefecture", name(ReferenceList.PREFECTURES, l.prefecture()));
    shown.put("whatWasSaid", l.whatWasSaid() == null ? "" : l.whatWasSaid());
    shown.put("whatWorked", l.whatWorked());
    shown.put(
        "documents",
        l.documents().stream().map(d -> name(ReferenceList.VISIT_DOCUMENTS, d)).toList());
    shown.put("publishedMonth", l.publishedMonth());
    return shown;
  }

  private List<Map<String, String>> choices(ReferenceList list) {
    return reference.codes(list).stream()
        .map(code -> Map.of("value", code, "label", reference.name(list, code)))
        .toList();
  }

  private String name(ReferenceList list, String code) {
    return code != null && reference.has(list, code) ? reference.name(list, code) : "";
  }
}
