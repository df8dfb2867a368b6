package podium.event;

/** How enum constants are spelled in JSON, in the database and in URLs: lower case, '_' kept. */
public final class Spelling {

  private Spelling() {
  }

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The constant spelled so, or null. */
  public static <E extends Enum<E>> E parse(Class<E> type, String wire) {
    for (E e : type.getEnumConstants()) {
      if (of(e).equals(wire)) {
        return e;
      }
    }
    return null;
  }
}
