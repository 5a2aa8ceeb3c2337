package jp.bansou.negotiation;

import java.util.List;
import jp.bansou.engine.Option;
import jp.bansou.engine.Var;

/** The variables of process {@code employer-negotiation}. */
public final class Negotiation {

  public static final String PROCESS_KEY = "employer-negotiation";
  public static final String RESPONSE_MESSAGE = "EmployerResponded";

  public static final Var<List<Option>> COUNTERPARTY_OPTIONS = Var.options("counterpartyOptions");
  public static final Var<String> COUNTERPARTY_ID = Var.text("counterpartyId");
  public static final Var<String> COUNTERPARTY_NAME = Var.text("counterpartyName");
  public static final Var<String> NEW_COUNTERPARTY_NAME = Var.text("newCounterpartyName");
  public static final Var<String> NEW_COUNTERPARTY_TYPE = Var.text("newCounterpartyType");
  public static final Var<String> NEW_COUNTERPARTY_PREFECTURE =
      Var.text("newCounterpartyPrefecture");
  public static final Var<String> NEW_COUNTERPARTY_CORPORATE_NUMBER =
      Var.text("newCounterpartyCorporateNumber");
  public static final Var<List<String>> CLAIM_TYPES = Var.list("claimTypes");
  public static final Var<Long> CLAIMED_AMOUNT_YEN = Var.number("claimedAmountYen");
  public static final Var<Long> NEGOTIATION_ID = Var.number("negotiationId");
  public static final Var<String> EMPLOYER_RESPONSE = Var.text("employerResponse");
  public static final Var<Long> RECOVERED_AMOUNT_YEN = Var.number("recoveredAmountYen");
  public static final Var<String> ESCALATION = Var.text("escalation");
  public static final Var<String> NEGOTIATION_STATUS = Var.text("negotiationStatus");

  /** The choice in the form for a counterparty not yet in the register. */
  public static final String NEW_COUNTERPARTY = "new";

  private Negotiation() {}
}
