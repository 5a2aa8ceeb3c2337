package jp.bansou.accompaniment;

import jp.bansou.person.CaseRestricted;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case restricted while one of its offers is open: an interpreter offer names the office and the
 * days, where the person will be and when, and a lawyer referral tells every partner lawyer that
 * the case exists and what it is about, so neither may stay with people nobody chose. The case's
 * processes receive the message {@value #MESSAGE}; in office-accompaniment and lawyer-escalation it
 * ends the offer (ケースの閲覧が制限された) and the case's coordinator arranges an interpreter or asks a
 * lawyer, as for a case restricted from the start; in conference-advice the case leaves the
 * regional conference, whose coordinators no longer see it. What a model does with the message is
 * the model's.
 */
@Component
public class RestrictedCaseOffers {

  /** The message every process of a case receives when the case is restricted. */
  public static final String MESSAGE = "CaseRestricted";

  private final RuntimeService runtimeService;

  public RestrictedCaseOffers(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @EventListener
  public void restricted(CaseRestricted restricted) {
    Runnable correlate =
        () ->
            runtimeService
                .createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(restricted.caseNumber())
                .correlateAll();
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      correlate.run();
      return;
    }
    // the coordinator who restricts the case may not move its processes: this is the rule's step
    command.runWithoutAuthorization(
        () -> {
          correlate.run();
          return null;
        });
  }
}
