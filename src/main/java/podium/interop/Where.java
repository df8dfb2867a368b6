package podium.interop;

import podium.event.Text;

/** How a refusal or a warning names a session, so an organiser can find it in the file. */
final class Where {

  private Where() {
  }

  /** "session 'Opening' (guid 4f1…)", or by its place in the file when it has neither. */
  static String session(Text title, String guid, int n) {
    String name = title.isBlank() ? "session #" + n : "session '" + shorten(title.in("en")) + "'";
    return guid == null ? name + " (#" + n + " in the file)" : name + " (guid " + guid + ")";
  }

  /** frab has an abstract and a description; Podium one description: the abstract, then the rest. */
  static Text join(Text first, Text second) {
    return new Text(join(first.en(), second.en()), join(first.zh(), second.zh()));
  }

  private static String join(String a, String b) {
    if (b.isBlank() || a.equals(b)) {
      return a;
    }
    return a.isBlank() ? b : a + "\n\n" + b;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "…";
  }
}
