package jp.bansou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jp.bansou.engine.Refusal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.util.Throwables;

/** The Japanese message of the refusal a call meets, however the engine wrapped it. */
public final class Refusals {

  private Refusals() {}

  public static String messageOf(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).hasRootCauseInstanceOf(Refusal.class);
    return Throwables.getRootCause(thrown).getMessage();
  }
}
