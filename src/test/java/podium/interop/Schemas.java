package podium.interop;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/** The C3VOC schemas (src/test/resources/formats): what a schedule.json or schedule.xml breaks of them. */
public final class Schemas {

  private static final Path DIR = Path.of("src/test/resources/formats");
  private static Schema json;
  private static javax.xml.validation.Schema xml;

  private Schemas() {
  }

  /** Every error networknt finds, as text; empty when the document is valid. */
  public static synchronized List<String> jsonErrors(String document) {
    if (json == null) {
      json = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6)
          .getSchema(read("schedule.schema.json"), InputFormat.JSON);
    }
    return json.validate(document, InputFormat.JSON).stream().map(Object::toString).toList();
  }

  /** The JDK's XSD validator's complaint, or null when the document is valid. */
  public static synchronized String xmlError(String document) {
    try {
      if (xml == null) {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        xml = f.newSchema(DIR.resolve("schedule.xml.xsd").toFile());
      }
      Validator v = xml.newValidator();
      v.validate(new StreamSource(new StringReader(document)));
      return null;
    } catch (SAXException e) {
      return e.getMessage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String name) {
    try {
      return Files.readString(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
