package jp.bansou.person;

/**
 * A case that was not restricted has just been restricted (DV): from now on it appears in no list
 * and in no count. Published in the restricting transaction, so that a tally that counted the case
 * takes it back in the same transaction (a Spring {@code @EventListener} runs synchronously).
 */
public record CaseRestricted(String caseNumber) {}
