package podium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.control.OscSettings;
import podium.event.Role;

/** The OSC listener's settings: off unless a port is set, loopback by default, and a wrong one stops the start. */
@Tag("unit")
class OscConfigTest {

  private static Config config(JsonObject env) {
    return Config.from(env.put("PODIUM_WEBROOT", "webroot"));
  }

  @Test
  void offUnlessAPortIsSetAndThenAsTheConfiguredActorAndRole() {
    assertThat(config(new JsonObject()).osc()).isEqualTo(OscSettings.OFF);
    assertThat(OscSettings.OFF.on()).isFalse();
    // As the environment gives them: strings (a number-like name included).
    OscSettings osc = config(new JsonObject().put("PODIUM_OSC_PORT", "9000").put("PODIUM_OSC_ACTOR", 7)
        .put("PODIUM_OSC_ROLE", "editor")).osc();
    assertThat(osc).isEqualTo(new OscSettings(9000, "127.0.0.1", "7", Role.EDITOR));
    assertThat(osc.actor()).isEqualTo("osc:7");
    assertThat(config(new JsonObject().put("PODIUM_OSC_PORT", 9000).put("PODIUM_OSC_ADDRESS", "10.0.5.2")).osc()
        .address()).isEqualTo("10.0.5.2");
  }

  @Test
  void aWrongSettingNamesItself() {
    assertThatThrownBy(() -> config(new JsonObject().put("PODIUM_OSC_PORT", "9000").put("PODIUM_OSC_ROLE", "boss")))
        .hasMessageContaining("PODIUM_OSC_ROLE");
    assertThatThrownBy(() -> config(new JsonObject().put("PODIUM_OSC_ACTOR", "Lighting Desk")))
        .hasMessageContaining("PODIUM_OSC_ACTOR");
    assertThatThrownBy(() -> config(new JsonObject().put("PODIUM_OSC_PORT", "70000")))
        .hasMessageContaining("PODIUM_OSC_PORT");
    assertThatThrownBy(() -> config(new JsonObject().put("PODIUM_OSC_PORT", "nine")))
        .hasMessageContaining("PODIUM_OSC_PORT");
  }
}
