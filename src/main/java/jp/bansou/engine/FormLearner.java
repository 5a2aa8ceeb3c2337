package jp.bansou.engine;

/**
 * Learns something from every Camunda Form the engine has: each one deployed before this start, and
 * each one deployed since, before the engine's own deployers parse the models beside it ({@link
 * FormLearning}). What is learned only grows: a form once deployed stays known.
 */
public interface FormLearner {

  /** The form's JSON, as deployed (it may be no form at all: the engine refuses that itself). */
  void learn(byte[] formJson);
}
