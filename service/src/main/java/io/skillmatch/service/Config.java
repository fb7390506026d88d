package io.skillmatch.service;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How the service runs.
 *
 * @param host address to bind; without keys, loopback whatever is asked (see {@link #bindHost()})
 * @param port port to bind (0 picks a free one)
 * @param maxBodyBytes largest request body accepted
 * @param clock today's date for "present" in resumes
 * @param dataDir where the store keeps its file; null keeps it in memory (gone at exit)
 * @param keys the API keys; none leaves the service open, on loopback only
 * @param shortlist how many nearest documents the model re-ranks for a search (more finds more of
 *     the model's best, at a cost linear in it; README "Benchmarks" measures both)
 */
public record Config(String host, int port, long maxBodyBytes, Clock clock, Path dataDir, ApiKeys keys,
    int shortlist) {

  /** The address an open service binds, whatever host was asked for. */
  public static final String LOOPBACK = "127.0.0.1";

  /**
   * Defaults: loopback, port 8080, 1 MiB bodies, the system clock, no data directory (the store
   * then lives in memory; {@code ./skillmatch serve} always gives one) and no keys.
   */
  public static Config defaults() {
    return new Config(LOOPBACK, 8080, 1 << 20, Clock.systemDefaultZone(), null, ApiKeys.none(), 300);
  }

  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes too small: " + maxBodyBytes);
    }
    if (shortlist < 10 || shortlist > 5_000) {
      throw new IllegalArgumentException("shortlist must be between 10 and 5000: " + shortlist);
    }
    if (keys == null) {
      throw new IllegalArgumentException("keys: use ApiKeys.none() for an open service");
    }
  }

  /** The host actually bound: an open service never listens beyond this machine. */
  public String bindHost() {
    return keys.open() ? LOOPBACK : host;
  }

  public Config withPort(int p) {
    return new Config(host, p, maxBodyBytes, clock, dataDir, keys, shortlist);
  }

  public Config withHost(String h) {
    return new Config(h, port, maxBodyBytes, clock, dataDir, keys, shortlist);
  }

  public Config withClock(Clock c) {
    return new Config(host, port, maxBodyBytes, c, dataDir, keys, shortlist);
  }

  public Config withDataDir(Path d) {
    return new Config(host, port, maxBodyBytes, clock, d, keys, shortlist);
  }

  public Config withShortlist(int n) {
    return new Config(host, port, maxBodyBytes, clock, dataDir, keys, n);
  }

  public Config withKeys(ApiKeys k) {
    return new Config(host, port, maxBodyBytes, clock, dataDir, k, shortlist);
  }
}
