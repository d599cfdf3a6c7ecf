package io.shardway.server.it;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The rows of every table of {@link DifferentialSchema}, the same on each run: a fixed seed drives
 * every choice.
 *
 * <p>The values are picked to catch merges that compare the wrong way: strings equal under a
 * collation but not byte for byte ({@code 'a'}, {@code 'A'}, {@code 'a '}; {@code 'straße'} and
 * {@code 'strasse'}), NULLs in most columns, negative numbers. DOUBLEs are multiples of 1/8 so that
 * sums are exact in any order: a sum that differs in its last bit because the shards added in
 * another order would be noise, not a bug.
 */
final class SeededRows {
  static final long SEED = 20_240_611L;

  static final int CUSTOMERS = 5_000;
  static final int ORDERS = 20_000;
  static final int REGIONS = 200;
  static final int EVENTS = 5_000;
  static final int PAYMENTS = 2_000;
  static final int VISITS = 2_000;
  static final int NOTES = 200;

  /** Payment ids are even, 2 to 2 × {@link #PAYMENTS}, across all four ranges of the table. */
  static final int PAYMENT_ID_STEP = 2;

  static final List<String> COUNTRIES =
      List.of("US", "CA", "DE", "FR", "AT", "JP", "KR", "BR", "AR", "GB");

  /** Event regions: some in lower case (the list algorithm folds case), GB and IT unlisted. */
  static final List<String> EVENT_REGIONS =
      List.of("US", "us", "CA", "DE", "de", "FR", "AT", "JP", "KR", "BR", "AR", "GB", "IT");

  /**
   * Names under utf8mb4_general_ci, with a 4-byte character. {@code '!bang'} sorts first and {@code
   * 'Łukasz'} last (the collation does not fold Ł to L), each the only spelling of its sort weight,
   * so that MIN and MAX of the column have one right answer.
   */
  static final List<String> NAMES =
      List.of(
          "a",
          "A",
          "a ",
          "b",
          "B",
          "Anna",
          "anna",
          "ANNA ",
          "Zoë",
          "zoe",
          "Ärger",
          "arger",
          "straße",
          "strasse",
          "Strasse",
          "O'Brien",
          "o'brien",
          "Ng",
          "ng",
          "Smith",
          "smith ",
          "Émile",
          "emile",
          "back\\slash",
          "50% off",
          "under_score",
          "Łukasz",
          "lukasz",
          "!bang",
          "smile 😀");

  /**
   * Codes under utf8mb4_bin differ in case only: it pads with spaces like the _ci collations, so
   * {@code 'abc'} and {@code 'abc '} would be one group whose shown spelling no query can predict.
   */
  static final List<String> CODES =
      List.of("a", "A", "b", "B", "x1", "X1", "abc", "ABC", "Zz", "zz");

  static final List<String> EMAILS =
      List.of(
          "Anna@Example.com",
          "anna@example.com",
          "straße@x.de",
          "strasse@x.de",
          "émile@x.fr",
          "emile@x.fr",
          "zoë@x.org",
          "zoe@x.org");
  static final List<String> STATUSES = List.of("new", "NEW", "paid", "Paid ", "shipped", "void");
  static final List<String> ORDER_NOTES =
      List.of("gift", "Gift", "fragile", "FRAGILE ", "straße", "strasse", "", "leave at door");
  static final List<String> EVENT_KINDS = List.of("click", "Click", "view", "purchase", "signup");
  static final List<String> TAGS = List.of("x", "X", "x ", "promo", "Promo", "organic");
  static final List<String> METHODS = List.of("card", "CARD", "Card ", "cash", "transfer");
  static final List<String> PAGES = List.of("/home", "/Home", "/cart", "/checkout", "/p/1", "/p/2");
  static final List<String> NOTE_BODIES =
      List.of("call back", "Call back", "CALL BACK ", "straße", "strasse", "VIP", "vip", "");

  /**
   * Unique codes: the event regions first (upper case, so that events join them), then the other
   * two-letter codes in alphabetical order.
   */
  static final List<String> REGION_CODES = regionCodes();

  static final LocalDate FIRST_BIRTHDAY = LocalDate.of(1940, 1, 1);
  static final LocalDateTime FIRST_MOMENT = LocalDateTime.of(2020, 1, 1, 0, 0);
  static final int MOMENT_SPAN_DAYS = 4 * 365;

  /** The rows of one table, each an array of the values of {@code columns}. */
  record TableRows(String table, List<String> columns, List<Object[]> rows) {}

  private final Random random = new Random(SEED);

  private SeededRows() {}

  /** Every table's rows, in an order that inserts referenced rows first. */
  static List<TableRows> generate() {
    return new SeededRows().all();
  }

  private List<TableRows> all() {
    return List.of(
        table(DifferentialSchema.REGIONS, REGIONS, this::region),
        table(DifferentialSchema.CUSTOMERS, CUSTOMERS, this::customer),
        table(DifferentialSchema.ORDERS, ORDERS, this::order),
        table(DifferentialSchema.EVENTS, EVENTS, this::event),
        table(DifferentialSchema.PAYMENTS, PAYMENTS, this::payment),
        table(DifferentialSchema.VISITS, VISITS, this::visit),
        table(DifferentialSchema.NOTES, NOTES, this::note));
  }

  /** {@code count} rows, numbered from 1, each with the values of the table's columns in order. */
  private static TableRows table(
      DifferentialSchema.Table table, int count, IntFunction<Object[]> row) {
    List<Object[]> rows = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      rows.add(row.apply(i));
    }
    return new TableRows(table.name(), table.columnNames(), rows);
  }

  private Object[] region(int id) {
    return new Object[] {
      id,
      REGION_CODES.get(id - 1),
      "Region " + word(),
      orNull(0.1, (long) random.nextInt(50_000_000))
    };
  }

  private static List<String> regionCodes() {
    List<String> codes =
        new ArrayList<>(EVENT_REGIONS.stream().map(String::toUpperCase).distinct().toList());
    for (char first = 'A'; codes.size() < REGIONS; first++) {
      for (char second = 'A'; second <= 'Z' && codes.size() < REGIONS; second++) {
        String code = "" + first + second;
        if (!codes.contains(code)) {
          codes.add(code);
        }
      }
    }
    return List.copyOf(codes);
  }

  private Object[] customer(int id) {
    String name = random.nextInt(10) < 7 ? pick(NAMES) : word();
    String email = random.nextInt(10) < 2 ? pick(EMAILS) : word() + "@" + word() + ".example";
    return new Object[] {
      (long) id,
      name,
      orNull(0.1, email),
      random.nextBoolean() ? pick(CODES) : mixedCaseWord(),
      pick(COUNTRIES),
      orNull(0.1, 1 + random.nextInt(REGIONS)),
      orNull(0.15, random.nextInt(2_001) - 1_000),
      cents(-1_000_000, 10_000_000),
      orNull(0.1, (random.nextInt(16_001) - 8_000) / 8.0),
      orNull(0.1, FIRST_BIRTHDAY.plusDays(random.nextInt(25_000))),
      moment()
    };
  }

  private Object[] order(int id) {
    return new Object[] {
      (long) id,
      (long) (1 + random.nextInt(CUSTOMERS)),
      cents(1, 100_000),
      orNull(0.1, 1 + random.nextInt(20)),
      pick(STATUSES),
      orNull(0.5, pick(ORDER_NOTES)),
      orNull(0.2, random.nextInt(8_000) / 8.0),
      moment(),
      orNull(0.3, FIRST_MOMENT.toLocalDate().plusDays(random.nextInt(MOMENT_SPAN_DAYS)))
    };
  }

  private Object[] event(int id) {
    return new Object[] {
      (long) id,
      pick(EVENT_REGIONS),
      pick(EVENT_KINDS),
      FIRST_MOMENT.toLocalDate().plusDays(random.nextInt(MOMENT_SPAN_DAYS)),
      orNull(0.2, random.nextInt(101)),
      orNull(0.3, pick(TAGS))
    };
  }

  private Object[] payment(int i) {
    return new Object[] {
      (long) i * PAYMENT_ID_STEP,
      (long) (1 + random.nextInt(CUSTOMERS)),
      cents(1, 500_000),
      FIRST_MOMENT.toLocalDate().plusDays(random.nextInt(MOMENT_SPAN_DAYS)),
      pick(METHODS)
    };
  }

  private Object[] visit(int id) {
    return new Object[] {
      (long) id,
      (long) (1 + random.nextInt(CUSTOMERS)),
      pick(PAGES),
      orNull(0.1, random.nextInt(3_600)),
      moment()
    };
  }

  private Object[] note(int id) {
    return new Object[] {id, (long) (1 + random.nextInt(CUSTOMERS)), pick(NOTE_BODIES)};
  }

  private BigDecimal cents(int fromInclusive, int toExclusive) {
    return BigDecimal.valueOf(fromInclusive + random.nextInt(toExclusive - fromInclusive), 2);
  }

  private LocalDateTime moment() {
    return FIRST_MOMENT.plusSeconds(random.nextInt(MOMENT_SPAN_DAYS * 86_400));
  }

  private String word() {
    int length = 3 + random.nextInt(6);
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  private String mixedCaseWord() {
    String word = word();
    return random.nextBoolean() ? word.toUpperCase() : word;
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private Object orNull(double nullShare, Object value) {
    return random.nextDouble() < nullShare ? null : value;
  }
}
