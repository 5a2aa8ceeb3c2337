package jp.bansou.person;

import java.text.MessageFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.bansou.engine.People;
import jp.bansou.engine.Texts;
import jp.bansou.person.ReadLog.Kind;
import jp.bansou.person.ReadLog.Read;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * A case's read log as its coordinator reads it in the 本人の情報 tab, often on a phone: the warnings
 * (someone who may not see the person wrote their identifiers) first, then the looks, each newest
 * first; looks one after another by the same person through the same task or page as one line with
 * a count, so that repeated looks do not push a warning out of sight; each line said in Japanese
 * (the task's name, not its key and id) and the reader by the name on their account. The stored
 * lines stay as they are ({@link ReadLog}).
 */
@Component
public class CaseReads {

  /**
   * One line of the tab.
   *
   * @param readAt the last of the folded looks
   * @param firstReadAt the first of them
   * @param count how many looks the line stands for
   * @param what what happened, in Japanese
   * @param via as stored (the task's key and id, or the page), for those who audit
   */
  public record Line(
      String caseNumber,
      Kind kind,
      String reader,
      String readerName,
      Instant readAt,
      Instant firstReadAt,
      int count,
      String what,
      String via,
      String fields) {

    boolean sameAs(Read read) {
      return kind == read.kind()
          && reader.equals(read.reader())
          && via.equals(read.via())
          && fields.equals(read.fields());
    }

    Line again(Instant at) {
      return new Line(
          caseNumber, kind, reader, readerName, at, firstReadAt, count + 1, what, via, fields);
    }
  }

  private final ReadLog readLog;
  private final People people;
  private final HistoryService historyService;
  private final Texts texts;

  public CaseReads(ReadLog readLog, People people, HistoryService historyService, Texts texts) {
    this.readLog = readLog;
    this.people = people;
    this.historyService = historyService;
    this.texts = texts;
  }

  /** The case's warnings, then its looks, each newest first, repeated looks folded. */
  public List<Line> of(String caseNumber) {
    List<Read> reads = readLog.of(caseNumber);
    Map<String, String> names = new HashMap<>();
    Map<String, String> tasks = new HashMap<>();
    List<Line> lines = new ArrayList<>();
    for (Kind kind : List.of(Kind.WRITTEN, Kind.READ)) {
      List<Line> folded = new ArrayList<>();
      for (Read read : reads) {
        if (read.kind() != kind) {
          continue;
        }
        int last = folded.size() - 1;
        if (last >= 0 && folded.get(last).sameAs(read)) {
          folded.set(last, folded.get(last).again(read.readAt()));
        } else {
          folded.add(
              new Line(
                  read.caseNumber(),
                  kind,
                  read.reader(),
                  names.computeIfAbsent(read.reader(), people::name),
                  read.readAt(),
                  read.readAt(),
                  1,
                  what(read, tasks),
                  read.via(),
                  read.fields()));
        }
      }
      java.util.Collections.reverse(folded);
      lines.addAll(folded);
    }
    return lines;
  }

  private String what(Read read, Map<String, String> tasks) {
    String via = read.via();
    if (read.kind() == Kind.WRITTEN) {
      return written(via) + "。" + texts.get("person.reads.writtenMeaning");
    }
    if (via.startsWith(ReadLog.TASK)) {
      String[] parts = via.split(" ");
      String name = parts.length < 3 ? "" : tasks.computeIfAbsent(parts[2], this::taskName);
      return name.isBlank()
          ? texts.get("person.reads.viaSomeTask")
          : texts.get("person.reads.viaTask", name);
    }
    if (via.startsWith(ReadLog.PAGE)) {
      return texts.get("person.reads.viaPage");
    }
    return texts.get("person.reads.viaOther");
  }

  /**
   * As stored; a line in the former words (「…を書こうとして、断られた（この人には見せていない情報です）」, whose 「この人」 read as
   * the person) in the current ones.
   */
  private String written(String via) {
    MessageFormat former =
        new MessageFormat(texts.getOr("person.reads.writtenRefusedFormer", ""), Locale.JAPANESE);
    ParsePosition position = new ParsePosition(0);
    Object[] parts = former.parse(via, position);
    if (parts != null && parts.length == 2 && position.getIndex() == via.length()) {
      return texts.get("person.reads.writtenRefused", parts);
    }
    return via;
  }

  /** The task's name as its model gives it, running or done; empty once history is cleaned up. */
  private String taskName(String taskId) {
    HistoricTaskInstance task =
        historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    return task == null || task.getName() == null ? "" : task.getName();
  }
}
