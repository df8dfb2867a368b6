package podium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.event.Catalogue;
import podium.event.ChangeKind;
import podium.event.ErrorCode;

/** docs/API.md and docs/PROTOCOL.md name every command, refusal code and change kind the code has. */
@Tag("unit")
class DocsTest {

  private static String doc(String name) throws IOException {
    return Files.readString(Path.of("docs", name));
  }

  @Test
  void theApiDocumentsEveryCommandAndEveryRefusal() throws IOException {
    String api = doc("API.md");
    for (Catalogue.Entry<?> e : Catalogue.entries()) {
      assertThat(api).as("command %s", e.type()).contains("`" + e.type() + "`");
    }
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(api).as("refusal %s", code.wire()).contains("| " + podium.web.Statuses.of(code) + " |")
          .containsPattern("\\| " + podium.web.Statuses.of(code) + " \\|[^\\n]*`" + code.wire() + "`");
    }
  }

  @Test
  void theProtocolDocumentsEveryChangeKind() throws IOException {
    String protocol = doc("PROTOCOL.md");
    for (ChangeKind kind : ChangeKind.values()) {
      assertThat(protocol).as("change kind %s", kind.wire()).contains("`" + kind.wire() + "`");
    }
  }
}
