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
public record Config(String host, int port, long maxBodyBytes, Clock clock) {

  /** Defaults: loopback, port 8080, 1 MiB bodies, the system clock. */
  public static Config defaults() {
    return new Config("127.0.0.1", 8080, 1 << 20, Clock.systemDefaultZone());
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
    return new Config(host, p, maxBodyBytes, clock);
  }

  public Config withHost(String h) {
    return new Config(h, port, maxBodyBytes, clock);
  }

  public Config withClock(Clock c) {
    return new Config(host, port, maxBodyBytes, c);
  }
}
