package jp.bansou.negotiation;

/** An employer, 監理団体 or 送出機関: an organisation, never a person. */
public record Counterparty(
    long id, String name, String type, String prefecture, String corporateNumber) {}
