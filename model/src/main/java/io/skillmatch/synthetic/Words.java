package io.skillmatch.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/** Small pieces of phrasing shared by the posting and resume writers. Stateless. */
final class Words {

  private static final String[] NUMBERS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
  };

  static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static final String[] MONTH_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"
  };

  /** Invented employers; none names a skill, a place or a real company. */
  static final String[] COMPANIES = {
    "Northwind", "Bluepeak", "Larkspur", "Tidewater", "Ironbark", "Foxglove", "Kestrel Labs", "Brightwater",
    "Quarry Labs", "Halcyon", "Marigold", "Saltmarsh", "Copperline", "Fernhill", "Ashgrove", "Pinecrest",
    "Stillwater", "Oakfield", "Driftwood", "Silverleaf", "Harborview", "Greyfield", "Thistle", "Wrenfield"
  };

  private Words() {}

  /** A number as a word (up to twelve), for "at least three years". */
  static String number(int n) {
    return n >= 0 && n < NUMBERS.length ? NUMBERS[n] : Integer.toString(n);
  }

  static <T> T one(RandomGenerator rng, T[] options) {
    return options[rng.nextInt(options.length)];
  }

  static <T> T one(RandomGenerator rng, List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }

  /** An integer in [lo, hi]. */
  static int between(RandomGenerator rng, int lo, int hi) {
    return lo + rng.nextInt(hi - lo + 1);
  }

  /**
   * Appends "A", "A and B", "A, B and C" (or with "or"); with {@code oxford}, a comma before the
   * last conjunction when there are three or more.
   */
  static void list(StringBuilder sb, List<String> items, String conjunction, boolean oxford) {
    int n = items.size();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        if (i == n - 1) {
          sb.append(oxford && n > 2 ? ", " : " ").append(conjunction).append(' ');
        } else {
          sb.append(", ");
        }
      }
      sb.append(items.get(i));
    }
  }

  /** Draws an index by weight, skipping taken ones; -1 when every weighted index is taken. */
  static int weighted(RandomGenerator rng, double[] weights, boolean[] taken) {
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!taken[i]) {
        total += weights[i];
      }
    }
    if (total <= 0) {
      return -1;
    }
    double u = rng.nextDouble() * total;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (!taken[i]) {
        last = i;
        u -= weights[i];
        if (u < 0) {
          return i;
        }
      }
    }
    return last;
  }

  /** Shuffles a list in place with the given generator (Fisher–Yates). */
  static <T> void shuffle(List<T> list, RandomGenerator rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
