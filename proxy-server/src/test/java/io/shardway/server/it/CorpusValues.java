package io.shardway.server.it;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Seeded picks of values the corpora put into statements: keys that exist (and a few that do not),
 * the strings of {@link SeededRows}, dates inside the data's span.
 */
final class CorpusValues {
  private final Random random;

  CorpusValues(long seed) {
    this.random = new Random(seed);
  }

  long customerId() {
    return 1 + random.nextInt(SeededRows.CUSTOMERS);
  }

  /** {@code count} customer ids as an SQL list: {@code 17, 4203, 9}. */
  String customerIds(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.valueOf(customerId()))
        .collect(Collectors.joining(", "));
  }

  /** A payment id, which exists when it is even. */
  long paymentId() {
    return 1 + random.nextInt(SeededRows.PAYMENTS * SeededRows.PAYMENT_ID_STEP);
  }

  String country() {
    return pick(SeededRows.COUNTRIES);
  }

  /** A region of the events, some in lower case and some that the list does not name. */
  String eventRegion() {
    return pick(SeededRows.EVENT_REGIONS);
  }

  String status() {
    return pick(SeededRows.STATUSES);
  }

  /** A day within the span of the data's dates. */
  LocalDate day() {
    return SeededRows.FIRST_MOMENT
        .toLocalDate()
        .plusDays(random.nextInt(SeededRows.MOMENT_SPAN_DAYS - 7));
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
