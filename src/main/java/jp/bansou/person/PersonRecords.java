package jp.bansou.person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.bansou.engine.Texts;
import jp.bansou.person.CaseAccess.Access;
import jp.bansou.person.CaseAccess.Scope;
import jp.bansou.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * Who may see a person's identifiers, and the only way to see them: the companion who accepted the
 * case while it is theirs; the coordinators responsible for its prefecture; the lawyer who accepted
 * a referral, when the person consented to sharing with lawyers; the interpreter of an accepted
 * visit, the name only. A restricted (DV) case: only its companion and its one named coordinator,
 * and never where the person lives. Nobody else — administrators included. Every look is logged.
 */
@Service
public class PersonRecords {

  /** How much of a person a user may see. */
  public enum Sight {
    NONE,
    NAME,
    ALL
  }

  /** One field as shown: its key, its label for people, its value. */
  public record Field(String key, String label, String value) {}

  /** What a user is shown of a person. */
  public record Shown(String caseNumber, boolean restricted, List<Field> fields) {}

  /** Raised when the user may not see the person; the message is for them. */
  public static class NotEntitled extends RuntimeException {
    public NotEntitled(String message) {
      super(message);
    }
  }

  private final IdentityVault vault;
  private final CaseAccess access;
  private final ReadLog readLog;
  private final IdentityService identityService;
  private final Texts texts;

  public PersonRecords(
      IdentityVault vault,
      CaseAccess access,
      ReadLog readLog,
      IdentityService identityService,
      Texts texts) {
    this.vault = vault;
    this.access = access;
    this.readLog = readLog;
    this.identityService = identityService;
    this.texts = texts;
  }

  public Sight sightOf(String user, String caseNumber) {
    Optional<Access> found = access.find(caseNumber);
    if (user == null || found.isEmpty()) {
      return Sight.NONE;
    }
    Access a = found.get();
    Set<String> groups = groupsOf(user);
    if (a.open() && user.equals(a.companionId()) && groups.contains(Role.COMPANIONS.groupId())) {
      return Sight.ALL;
    }
    if (groups.contains(Role.COORDINATORS.groupId())) {
      if (a.restricted()) {
        if (user.equals(a.restrictedCoordinator())) {
          return Sight.ALL;
        }
      } else {
        List<String> regions = access.regionsOf(user);
        if (regions.contains("*") || regions.contains(a.prefecture())) {
          return Sight.ALL;
        }
      }
    }
    if (a.restricted() || !a.open()) {
      return Sight.NONE;
    }
    // a lawyer's grant is only made with the person's consent to sharing (see CaseVisibility)
    List<Scope> grants = access.grantsOf(caseNumber, user);
    if (grants.contains(Scope.ALL)) {
      return Sight.ALL;
    }
    return grants.contains(Scope.NAME) ? Sight.NAME : Sight.NONE;
  }

  /**
   * Shows the person to an entitled user and logs it.
   *
   * @param via the task or page it is shown through, for the read log
   * @throws NotEntitled when the user may not see the person
   */
  public Shown read(String user, String caseNumber, String via) {
    Sight sight = sightOf(user, caseNumber);
    if (sight == Sight.NONE) {
      throw new NotEntitled(texts.get("person.notEntitled"));
    }
    Access a = access.find(caseNumber).orElseThrow();
    Map<String, String> identity = vault.open(caseNumber).orElse(Map.of());
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, String> entry : ordered(identity).entrySet()) {
      String key = entry.getKey();
      if (sight == Sight.NAME && !PersonFields.NAMES.contains(key)) {
        continue;
      }
      if (a.restricted() && PersonFields.WHEREABOUTS.contains(key)) {
        continue;
      }
      fields.add(new Field(key, texts.getOr("person.field." + key, key), entry.getValue()));
    }
    readLog.record(caseNumber, user, via, fields.stream().map(Field::key).toList());
    return new Shown(caseNumber, a.restricted(), fields);
  }

  /**
   * The identifiers, for a check that text does not contain them (policy descriptions, notes);
   * nobody is shown anything, so nothing is logged.
   */
  public Map<String, String> forChecks(String caseNumber) {
    return vault.open(caseNumber).orElse(Map.of());
  }

  private static Map<String, String> ordered(Map<String, String> identity) {
    Map<String, String> ordered = new LinkedHashMap<>();
    PersonFields.ALWAYS.stream()
        .filter(identity::containsKey)
        .forEach(k -> ordered.put(k, identity.get(k)));
    identity.forEach(ordered::putIfAbsent);
    return ordered;
  }

  private Set<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .collect(Collectors.toSet());
  }
}
