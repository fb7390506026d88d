package io.skillmatch.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/** What trained artefacts record about where they came from: content hashes, library versions. */
public final class Provenance {
  private Provenance() {}

  /** SHA-256, hex, of the bytes given in order. */
  public static String sha256(byte[]... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (byte[] p : parts) {
        md.update(p);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** SHA-256, hex, of a file. */
  public static String sha256(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  /** A library's version from the pom.properties Maven writes into its jar, or "unknown". */
  public static String mavenVersion(String group, String artifact) {
    String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = Provenance.class.getResourceAsStream(res)) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
