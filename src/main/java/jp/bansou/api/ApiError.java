package jp.bansou.api;

/** The body of every refusal of our own API: a Japanese message a person can act on. */
public record ApiError(String message) {}
