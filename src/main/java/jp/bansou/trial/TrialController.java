package jp.bansou.trial;

import jp.bansou.engine.Texts;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For modellers and administrators ({@code /api/models/…}, see security.ApiAccessFilter): {@code
 * DELETE /api/models/trials} removes every trial case with its history and rows; with {@code
 * ?deployments=true} the trial versions too. Others get a Japanese 403.
 */
@RestController
public class TrialController {

  /** The answer: counts and a sentence. */
  public record Answer(String message, TrialRemoval.Removed removed) {}

  private final TrialRemoval removal;
  private final Texts texts;

  public TrialController(TrialRemoval removal, Texts texts) {
    this.removal = removal;
    this.texts = texts;
  }

  @DeleteMapping("/api/models/trials")
  public Answer remove(@RequestParam(defaultValue = "false") boolean deployments) {
    TrialRemoval.Removed removed = removal.removeAll(deployments);
    return new Answer(
        texts.get(
            "trial.removed",
            removed.cases(),
            removed.instances(),
            removed.rows(),
            removed.deployments()),
        removed);
  }
}
