package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** docs/PROTOCOL.md's error table holds exactly the codes an error frame carries, and names the hub's protocol. */
@Tag("unit")
class ProtocolDocsTest {

  @Test
  void theErrorTableListsEveryCodeAndNoOther() throws IOException {
    String doc = Files.readString(Path.of("docs", "PROTOCOL.md"));
    String table = doc.substring(doc.indexOf("## Error codes"), doc.indexOf("## Close codes"));
    List<String> listed = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(table);
    while (row.find()) {
      listed.add(row.group(1));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(ProtocolError.Code.values()).map(ProtocolError.Code::wire).toList());
    assertThat(doc).contains("this hub speaks protocol " + Hello.PROTOCOL + ".");
  }
}
