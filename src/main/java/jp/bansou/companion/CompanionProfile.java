package jp.bansou.companion;

import java.util.List;

/** A companion's (or interpreter's) profile in the network; codes from reference/. */
public record CompanionProfile(
    String userId,
    String displayName,
    List<String> prefectures,
    List<String> languages,
    List<String> specialties,
    boolean worksRemotely,
    boolean interpreter,
    boolean available) {}
