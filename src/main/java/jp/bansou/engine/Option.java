package jp.bansou.engine;

/** One choice of a select whose options the process fills at run time. */
public record Option(String value, String label) {}
