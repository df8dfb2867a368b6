package podium.interop;

/** The name and version Podium gives itself in the files it writes and the requests it sends. */
public final class Product {

  public static final String NAME = "Podium";
  public static final String VERSION = "0.1.0";

  private Product() {
  }
}
