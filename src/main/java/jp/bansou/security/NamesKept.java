package jp.bansou.security;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import jp.bansou.engine.Refusal;
import jp.bansou.engine.Texts;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * A person's name in the system is given by an administrator, not by the person.
 *
 * <p>The engine lets every user change their own profile (its default grant on one's own user), and
 * the same grant is what lets them change their own password, so it cannot be taken away. With it,
 * a companion could call themselves 「コーディネーター」 or another companion's name, and what they then
 * write or read (comments, the record of who saw the person's identity, tasks they hold) would seem
 * to come from someone else. Here a change of one's first or last name is refused unless an
 * administrator makes it; the e-mail address and the password stay one's own to change. This holds
 * for every way in: the webapps' profile page, {@code /engine-rest/user/…/profile}, and Java.
 *
 * <p>Two more rules for every account saved, by anyone: a name left out is an empty name (the
 * webapps show "first last", and a last name sent as absent was stored as null and shown as
 * 「null」), and an e-mail address is one plain address as Jakarta Mail reads it ({@code
 * name@domain}), since the tasks' mails go there: "not an email", a missing domain, a list or a
 * display name are refused, not kept.
 */
@Component
public class NamesKept extends AbstractProcessEnginePlugin {

  private final Texts texts;

  public NamesKept(Texts texts) {
    this.texts = texts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    String table = configuration.getDatabaseTablePrefix() + "ACT_ID_USER";
    String refusal = texts.get("account.refused.rename");
    String badEmail = texts.get("account.refused.email");
    configuration.setIdentityProviderSessionFactory(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return Provider.class;
          }

          @Override
          public Session openSession() {
            return new Provider(table, refusal, badEmail);
          }
        });
  }

  /** The engine's own identity provider, refusing a change of name by anyone but an admin. */
  static class Provider extends DbIdentityServiceProvider {

    private final String table;
    private final String refusal;
    private final String badEmail;

    Provider(String table, String refusal, String badEmail) {
      this.table = table;
      this.refusal = refusal;
      this.badEmail = badEmail;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      if (user instanceof UserEntity entity && entity.getRevision() != 0 && !mayRename()) {
        // may they change this account at all (the engine asks again below)? Only then is its
        // name read: another's account, named in the body, is refused as before, and its name
        // neither confirmed nor denied
        checkAuthorization(Permissions.UPDATE, Resources.USER, user.getId());
        String[] stored = storedName(user.getId());
        if (stored != null
            && (!same(stored[0], user.getFirstName()) || !same(stored[1], user.getLastName()))) {
          throw new Refusal(refusal);
        }
      }
      // after the permission check above: another's account is refused as before, whatever is sent
      if (!isAddress(user.getEmail())) {
        throw new Refusal(badEmail);
      }
      if (user.getFirstName() == null) {
        user.setFirstName("");
      }
      if (user.getLastName() == null) {
        user.setLastName("");
      }
      return super.saveUser(user);
    }

    /**
     * None, or one plain address: not a list, not a display name. (A domain without a dot stays
     * allowed: the engine names its first administrator {@code id@localhost}.)
     */
    static boolean isAddress(String email) {
      if (email == null || email.isEmpty()) {
        return true;
      }
      try {
        InternetAddress address = new InternetAddress(email, true);
        address.validate();
        return address.getAddress().equals(email);
      } catch (AddressException e) {
        return false;
      }
    }

    /** A name left empty is the same whether it is sent empty or not at all. */
    private static boolean same(String stored, String sent) {
      return Objects.equals(stored == null ? "" : stored, sent == null ? "" : sent);
    }

    /** The engine itself (no one logged in: an account made by a process) and administrators. */
    private static boolean mayRename() {
      CommandContext command = Context.getCommandContext();
      return command.getAuthentication() == null
          || command.getAuthorizationManager().isCamundaAdmin(command.getAuthentication());
    }

    /**
     * The name as the database holds it, read past the engine's cache of this command: an entity
     * loaded and changed earlier in the same command would otherwise be compared with itself.
     */
    private String[] storedName(String id) {
      Connection connection = getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement select =
          connection.prepareStatement("select FIRST_, LAST_ from " + table + " where ID_ = ?")) {
        select.setString(1, id);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? new String[] {row.getString(1), row.getString(2)} : null;
        }
      } catch (SQLException e) {
        throw new ProcessEngineException("The user's stored name could not be read", e);
      }
    }
  }
}
