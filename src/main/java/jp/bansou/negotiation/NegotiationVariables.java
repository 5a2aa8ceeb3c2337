package jp.bansou.negotiation;

/** The variables of process {@code employer-negotiation}. */
public final class NegotiationVariables {

  public static final String PROCESS_KEY = "employer-negotiation";
  public static final String RESPONSE_MESSAGE = "EmployerResponded";

  public static final String CASE_NUMBER = "caseNumber";
  public static final String COUNTERPARTY_OPTIONS = "counterpartyOptions";
  public static final String COUNTERPARTY_ID = "counterpartyId";
  public static final String COUNTERPARTY_NAME = "counterpartyName";
  public static final String NEW_COUNTERPARTY_NAME = "newCounterpartyName";
  public static final String NEW_COUNTERPARTY_TYPE = "newCounterpartyType";
  public static final String NEW_COUNTERPARTY_PREFECTURE = "newCounterpartyPrefecture";
  public static final String NEW_COUNTERPARTY_CORPORATE_NUMBER = "newCounterpartyCorporateNumber";
  public static final String CLAIM_TYPES = "claimTypes";
  public static final String CLAIMED_AMOUNT_YEN = "claimedAmountYen";
  public static final String NEGOTIATION_ID = "negotiationId";
  public static final String EMPLOYER_RESPONSE = "employerResponse";
  public static final String RECOVERED_AMOUNT_YEN = "recoveredAmountYen";
  public static final String ESCALATION = "escalation";
  public static final String FILING_STATUS = "filingStatus";
  public static final String LEGAL_OUTCOME = "legalOutcome";

  /** The choice in the form for a counterparty not yet in the register. */
  public static final String NEW_COUNTERPARTY = "new";

  private NegotiationVariables() {}
}
