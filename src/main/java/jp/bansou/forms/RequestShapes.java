package jp.bansou.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.authorization.Authorization;

/**
 * Bodies the engine's REST API takes unchecked and then fails on: checked here for the shape the
 * engine needs, so that what is missing is named in Japanese instead of a server error, and nothing
 * half-made is stored.
 *
 * <ul>
 *   <li>A permission ({@code authorization/create}, {@code authorization/{id}}): without its list
 *       of permissions, or with a type the engine does not know, it fails on a null pointer; a
 *       permission for everyone (type 0) for one person or a group fails in the engine.
 *   <li>A person or group linked to a task ({@code task/{id}/identity-links}): without a type the
 *       engine stores the link, and every later reading of the task's links fails.
 *   <li>A finished case started again ({@code process-definition/{id}/restart}) without where to
 *       start: a null pointer in the engine.
 * </ul>
 */
final class RequestShapes {

  /** A permission created or changed, through the engine's REST API or the webapps'. */
  static final Pattern AUTHORIZATION =
      Pattern.compile(SubmissionGuard.API + "/authorization/[^/]+$");

  /** A person or group linked to a task, or unlinked. */
  static final Pattern IDENTITY_LINK =
      Pattern.compile(SubmissionGuard.API + "/task/[^/]+/identity-links(?:/delete)?$");

  /** A finished case started again, from the activities named (Cockpit's 「再開」). */
  static final Pattern RESTART =
      Pattern.compile(
          SubmissionGuard.API
              + "/process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)"
              + "/restart(?:-async)?$");

  private RequestShapes() {}

  /** Whether this request's body is one checked here. */
  static boolean checked(String method, String path) {
    return ("POST".equals(method) || "PUT".equals(method)) && AUTHORIZATION.matcher(path).matches()
        || "POST".equals(method) && IDENTITY_LINK.matcher(path).matches();
  }

  /**
   * The key of the refusal's text, or null when the body has the shape the engine needs (or is no
   * JSON at all, which the REST API refuses itself).
   */
  static String refusal(String path, JsonNode body) {
    if (body == null) {
      return null;
    }
    if (AUTHORIZATION.matcher(path).matches()) {
      return authorization(body, path.endsWith("/create")) ? null : "authorization.refused.shape";
    }
    if (RESTART.matcher(path).matches()) {
      return restart(body) ? null : "restart.refused.instructions";
    }
    if (!IDENTITY_LINK.matcher(path).matches()) {
      return null;
    }
    return identityLink(body) ? null : "task.refused.identityLink";
  }

  /**
   * A list of permission names, a known type, one person or one group; a permission for everyone
   * names everyone ({@code "*"}) and no group.
   */
  private static boolean authorization(JsonNode body, boolean created) {
    if (!body.isObject() || !body.path("permissions").isArray()) {
      return false;
    }
    for (JsonNode permission : body.path("permissions")) {
      if (!permission.isTextual()) {
        return false;
      }
    }
    // Camunda Admin sends the type it chose as text ("1"), and one it read back as a number
    JsonNode type = body.path("type");
    boolean typeSent = type.isInt() || type.isTextual() && type.asText().matches("\\d");
    if (!type.isMissingNode() && !type.isNull() && !typeSent) {
      return false;
    }
    int kind = typeSent ? type.asInt() : Authorization.AUTH_TYPE_GLOBAL;
    if (kind != Authorization.AUTH_TYPE_GLOBAL
        && kind != Authorization.AUTH_TYPE_GRANT
        && kind != Authorization.AUTH_TYPE_REVOKE) {
      return false;
    }
    if (!oneOf(body.path("userId"), body.path("groupId"))) {
      return false;
    }
    // a change keeps the stored type: the engine refuses a wrong person for it (ApiErrors)
    boolean global = kind == Authorization.AUTH_TYPE_GLOBAL && (created || typeSent);
    return !global || Authorization.ANY.equals(body.path("userId").asText());
  }

  /**
   * At least one instruction, each saying where to start (the engine failed on a null pointer
   * without them).
   */
  private static boolean restart(JsonNode body) {
    if (!body.isObject() || !body.path("instructions").isArray()) {
      return false;
    }
    if (body.path("instructions").isEmpty()) {
      return false;
    }
    for (JsonNode instruction : body.path("instructions")) {
      if (!instruction.path("type").isTextual()
          || !instruction.path("activityId").isTextual()
              && !instruction.path("transitionId").isTextual()) {
        return false;
      }
    }
    return true;
  }

  /** A type of link (candidate, or one of a process's own) and one person or one group. */
  private static boolean identityLink(JsonNode body) {
    return body.isObject()
        && body.path("type").isTextual()
        && !body.path("type").asText().isBlank()
        && oneOf(body.path("userId"), body.path("groupId"));
  }

  /** What an Object variable may hold, as JSON: a list or a map, as the models store them. */
  static final java.util.Set<String> OBJECT_TYPES =
      java.util.Set.of(
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashMap",
          "java.util.LinkedHashMap");

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * A typed value anywhere in an administrator's body (a variable set by hand, a message's or a
   * signal's variables and keys) that the engine would store and then fail to read, for everyone,
   * on every later read of the case's variables: JSON that is not JSON, an Object of any Java class
   * (a list or a map as JSON only, and none in a message or signal), XML (no model uses it), a
   * variable without a name. Null when there is none.
   */
  static String typedValueRefusal(JsonNode body, boolean objectsAllowed) {
    if (body == null) {
      return null;
    }
    if (body.isObject()) {
      JsonNode type = body.path("type");
      if (type.isTextual()
          && body.has("value")
          && !typedValue(type.asText(), body, objectsAllowed)) {
        return "variables.refused.typedValue";
      }
      for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) body::fields) {
        if (field.getKey().equals("modifications")
            && field.getValue().isObject()
            && iterable(field.getValue()).anyMatch(name -> name.isBlank())) {
          return "variables.refused.noName";
        }
        String inside = typedValueRefusal(field.getValue(), objectsAllowed);
        if (inside != null) {
          return inside;
        }
      }
    } else if (body.isArray()) {
      for (JsonNode each : body) {
        String inside = typedValueRefusal(each, objectsAllowed);
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  private static java.util.stream.Stream<String> iterable(JsonNode object) {
    return java.util.stream.StreamSupport.stream(
        ((Iterable<String>) object::fieldNames).spliterator(), false);
  }

  private static boolean typedValue(String type, JsonNode typed, boolean objectsAllowed) {
    JsonNode value = typed.path("value");
    switch (type.toLowerCase(java.util.Locale.ROOT)) {
      case "xml":
        return false;
      case "json":
        return value.isNull() || value.isTextual() && parses(value.asText());
      case "object":
        JsonNode info = typed.path("valueInfo");
        return objectsAllowed
            && "application/json".equals(info.path("serializationDataFormat").asText())
            && OBJECT_TYPES.contains(info.path("objectTypeName").asText())
            && value.isTextual()
            && parses(value.asText());
      default:
        return true;
    }
  }

  private static boolean parses(String json) {
    try {
      JsonNode read = JSON.readTree(json);
      return read != null && !read.isMissingNode();
    } catch (java.io.IOException notJson) {
      return false;
    }
  }

  /**
   * A list of ids ({@code jobIds}, {@code processInstanceIds}) with an entry that is no id (null, a
   * number, blank), anywhere in the body, or null: the engine accepted it, started a batch, and
   * each of the batch's jobs failed.
   */
  static String blankId(JsonNode body) {
    if (body == null) {
      return null;
    }
    for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) body::fields) {
      if (field.getKey().endsWith("NotIn")
          && field.getValue().isArray()
          && field.getValue().isEmpty()) {
        // nothing to leave out: the engine built SQL the database could not read
        return field.getKey();
      }
      if (field.getKey().endsWith("Ids") && field.getValue().isArray()) {
        for (JsonNode id : field.getValue()) {
          if (!id.isTextual() || id.asText().isBlank()) {
            return field.getKey();
          }
        }
      }
      String inside = blankId(field.getValue());
      if (inside != null) {
        return inside;
      }
    }
    if (body.isArray()) {
      for (JsonNode each : body) {
        String inside = blankId(each);
        if (inside != null) {
          return inside;
        }
      }
    }
    return null;
  }

  /** Exactly one of the two is a text that is not blank, the other absent or null. */
  private static boolean oneOf(JsonNode user, JsonNode group) {
    return given(user) != given(group)
        && (user.isMissingNode() || user.isNull() || given(user))
        && (group.isMissingNode() || group.isNull() || given(group));
  }

  private static boolean given(JsonNode id) {
    return id.isTextual() && !id.asText().isBlank();
  }
}
