package jp.bansou.engine;

import org.springframework.core.Ordered;

/**
 * One named step of start-up, run in order after the engine is built and before the job executor
 * starts (see {@link StartupSequence}). Lower orders run first.
 */
public interface StartupStep extends Ordered {

  /** Refuse to start in an unsafe state: runs before anything else. */
  int CHECKS = 0;

  /** Models and forms deployed. */
  int MODELS = 100;

  /** Groups, authorizations and Tasklist filters. */
  int PERMISSIONS = 200;

  /** Demo accounts, profiles and cases, in demo mode only. */
  int DEMO = 300;

  /** What the log names this step. */
  String name();

  void run();
}
