package io.skillmatch.service;

import java.time.Clock;

/**
 * How the service runs.
 *
 * @param host address to bind
 * @param port port to bind (0 picks a free one)
 * @param maxBodyBytes largest request body accepted
 * @param clock today's date for "present" in resumes
 */
public record Config(String host, int port, long maxBodyBytes, Clock clock, java.nio.file.Path dataDir) {

  /**
   * Defaults: loopback, port 8080, 1 MiB bodies, the system clock, and no data directory (the
   * store then lives in memory and is gone at exit; {@code ./skillmatch serve} always gives one).
   */
  public static Config defaults() {
    return new Config("127.0.0.1", 8080, 1 << 20, Clock.systemDefaultZone(), null);
  }

  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes too small: " + maxBodyBytes);
    }
  }

  public Config withPort(int p) {
    return new Config(host, p, maxBodyBytes, clock, dataDir);
  }

  public Config withHost(String h) {
    return new Config(h, port, maxBodyBytes, clock, dataDir);
  }

  public Config withClock(Clock c) {
    return new Config(host, port, maxBodyBytes, c, dataDir);
  }

  /** Where the store keeps its file. */
  public Config withDataDir(java.nio.file.Path d) {
    return new Config(host, port, maxBodyBytes, clock, d);
  }
}
