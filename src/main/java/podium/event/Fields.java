package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a command body field by field; every wrong field is a CommandRejected naming it. */
final class Fields {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Set<String> COMMON = Set.of("type", "expectedVersion");

  private final JsonObject body;
  private final String of;

  Fields(JsonObject body, Set<String> allowed) {
    this(body, allowed, String.valueOf(body.getValue("type")));
  }

  /** Fields of a part of a body (an item of a list), named in refusals by what holds it. */
  Fields(JsonObject body, Set<String> allowed, String of) {
    this.body = body;
    this.of = of;
    for (String name : body.fieldNames()) {
      if (!allowed.contains(name) && !COMMON.contains(name)) {
        throw CommandRejected.invalidField(name, "is not a field of " + of);
      }
    }
  }

  /** A list of at most max objects. */
  List<JsonObject> objects(String name, int max) {
    Object v = body.getValue(name);
    if (!(v instanceof JsonArray a) || a.size() > max || !a.stream().allMatch(o -> o instanceof JsonObject)) {
      throw CommandRejected.invalidField(name, "must be a list of at most " + max + " objects");
    }
    return a.stream().map(JsonObject.class::cast).toList();
  }

  /** A list of 1 to 31 distinct calendar days ("2023-08-16"), in order. */
  List<java.time.LocalDate> days(String name) {
    Object v = body.getValue(name);
    List<java.time.LocalDate> days = new java.util.ArrayList<>();
    if (v instanceof JsonArray a && !a.isEmpty() && a.size() <= 31) {
      for (Object o : a) {
        try {
          days.add(java.time.LocalDate.parse(String.valueOf(o)));
        } catch (DateTimeException e) {
          days.clear();
          break;
        }
      }
    }
    if (days.isEmpty() || !days.equals(days.stream().distinct().sorted().toList())) {
      throw CommandRejected.invalidField(name, "must be 1 to 31 distinct days in order, e.g. [\"2023-08-16\"]");
    }
    return days;
  }

  /** Present in the body, even as null: "speaker": null means "nobody". */
  boolean mentions(String name) {
    return body.containsKey(name);
  }

  boolean has(String name) {
    return body.getValue(name) != null;
  }

  String id(String name) {
    Object v = body.getValue(name);
    if (v == null) {
      throw CommandRejected.invalidField(name, "is required");
    }
    if (!(v instanceof String s) || !ID.matcher(s).matches()) {
      throw CommandRejected.invalidField(name, "must be an id: lowercase letters, digits and '-', at most 64");
    }
    return s;
  }

  /** A required string of at most max characters. */
  String string(String name, int max) {
    Object v = body.getValue(name);
    if (!(v instanceof String s) || s.length() > max) {
      throw CommandRejected.invalidField(name, "is required as a string of at most " + max + " characters");
    }
    return s;
  }

  String optionalId(String name) {
    return has(name) ? id(name) : null;
  }

  /** A whole number in the range the catalogue declares for this field (Catalogue.range), which pages read too. */
  int integer(String name) {
    Catalogue.Range r = Catalogue.range(of, name);
    return integer(name, (int) r.min(), (int) r.max());
  }

  private int integer(String name, int min, int max) {
    Object v = body.getValue(name);
    if (v == null) {
      throw CommandRejected.invalidField(name, "is required");
    }
    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw CommandRejected.invalidField(name, "must be a whole number from " + min + " to " + max);
    }
    return ((Number) v).intValue();
  }

  double number(String name, double min, double max) {
    Object v = body.getValue(name);
    if (!(v instanceof Number n) || n.doubleValue() < min || n.doubleValue() > max || Double.isNaN(n.doubleValue())) {
      throw CommandRejected.invalidField(name, "must be a number from " + min + " to " + max);
    }
    return n.doubleValue();
  }

  boolean bool(String name, boolean otherwise) {
    Object v = body.getValue(name);
    if (v == null) {
      return otherwise;
    }
    if (!(v instanceof Boolean b)) {
      throw CommandRejected.invalidField(name, "must be true or false");
    }
    return b;
  }

  Text text(String name, boolean required) {
    Text t = Text.parse(body.getValue(name), name);
    if (required && t.isBlank()) {
      throw CommandRejected.invalidField(name, "is required");
    }
    return t;
  }

  <E extends Enum<E>> E choice(String name, Class<E> type) {
    E e = body.getValue(name) instanceof String s ? Spelling.parse(type, s.toLowerCase(Locale.ROOT)) : null;
    if (e == null) {
      throw CommandRejected.invalidField(name, "must be one of "
          + java.util.Arrays.stream(type.getEnumConstants()).map(Spelling::of).toList());
    }
    return e;
  }

  /** An instant with an offset ("…+08:00", "…Z") or a venue-local time ("2023-08-16T10:30"). */
  Moment time(String name) {
    Object v = body.getValue(name);
    if (!(v instanceof String s)) {
      throw CommandRejected.invalidField(name, "is required as an ISO-8601 time");
    }
    try {
      return Moment.exact(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeException offsetless) {
      try {
        return Moment.local(LocalDateTime.parse(s));
      } catch (DateTimeException e) {
        throw CommandRejected.invalidField(name, "must be an ISO-8601 time such as 2023-08-16T10:30");
      }
    }
  }

  List<String> ids(String name) {
    Object v = body.getValue(name);
    if (!(v instanceof JsonArray a) || a.size() > 50) {
      throw CommandRejected.invalidField(name, "must be a list of at most 50 ids");
    }
    for (Object o : a) {
      if (!(o instanceof String s) || !ID.matcher(s).matches()) {
        throw CommandRejected.invalidField(name, "must hold ids only");
      }
    }
    return a.stream().map(String.class::cast).distinct().toList();
  }
}
