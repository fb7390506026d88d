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

  /**
   * A library's version: from the pom.properties Maven writes into its jar, else from the name of
   * the jar a class of it was loaded from ("smile-core-6.2.5.jar"), else "unknown".
   */
  public static String libraryVersion(Class<?> anyClass, String group, String artifact) {
    String v = mavenVersion(group, artifact);
    if (!v.equals("unknown")) {
      return v;
    }
    try {
      String jar = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
      return jar.startsWith(artifact + "-") && jar.endsWith(".jar")
          ? jar.substring(artifact.length() + 1, jar.length() - 4) : "unknown";
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return "unknown";
    }
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
