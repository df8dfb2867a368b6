package podium.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which addresses webhooks and Web Push may call (unless private targets are allowed). */
@Tag("unit")
class PublicAddressesTest {

  @Test
  void localPrivateAndReservedAddressesAreRefused() throws UnknownHostException {
    for (String a : new String[] {"127.0.0.1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "100.64.0.1", "0.0.0.0", "198.18.0.1", "192.0.0.170", "224.0.0.1", "240.0.0.1",
        "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254", "fec0::1", "ff02::1",
        "::ffff:127.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "2002:0a00:0001::"}) {
      assertThat(PublicAddresses.isPrivate(InetAddress.getByName(a))).as(a).isTrue();
    }
  }

  @Test
  void publicAddressesPass() throws UnknownHostException {
    for (String a : new String[] {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.0.2.1",
        "2606:4700:4700::1111", "64:ff9b::808:808", "2002:0808:0808::1", "2a00:1450:4001:80b::200a"}) {
      assertThat(PublicAddresses.isPrivate(InetAddress.getByName(a))).as(a).isFalse();
    }
  }

  @Test
  void aUrlIsRefusedWithTheAddressItPointsAtUnlessPrivateTargetsAreAllowed() {
    assertThat(PublicAddresses.problem("https://[64:ff9b::7f00:1]/hook", false)).contains("private or local");
    assertThat(PublicAddresses.problem("https://[64:ff9b::7f00:1]/hook", true)).isNull();
    assertThat(PublicAddresses.problem("https://8.8.8.8/hook", false)).isNull();
  }
}
