package io.shardway.router.merge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The weights of utf8mb3_general_ci and utf8mb4_general_ci: one per character, no expansions or
 * contractions, so two strings compare character by character. The table, {@code general_ci.txt},
 * lists the characters of the Basic Multilingual Plane that do not weigh their own code point, and
 * says where it comes from; every character above U+FFFF weighs U+FFFD, so general_ci finds all of
 * them equal.
 */
final class GeneralCiWeights {

  private static final String TABLE = "general_ci.txt";
  private static final int PAGE_SIZE = 256;
  private static final int LAST_WEIGHED = 0xFFFF;
  private static final int REPLACEMENT = 0xFFFD;

  /** Pages of 256 weights by the code point's high byte; null where each weighs itself. */
  private static final char[][] PAGES = load();

  private GeneralCiWeights() {}

  static int weight(int codePoint) {
    if (codePoint > LAST_WEIGHED) {
      return REPLACEMENT;
    }
    char[] page = PAGES[codePoint / PAGE_SIZE];
    return page == null ? codePoint : page[codePoint % PAGE_SIZE];
  }

  private static char[][] load() {
    char[][] pages = new char[(LAST_WEIGHED + 1) / PAGE_SIZE][];
    try (InputStream in = GeneralCiWeights.class.getResourceAsStream(TABLE);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        for (String entry : line.trim().split(" +")) {
          int colon = entry.indexOf(':');
          int codePoint = Integer.parseInt(entry.substring(0, colon), 16);
          char weight = (char) Integer.parseInt(entry.substring(colon + 1), 16);
          page(pages, codePoint / PAGE_SIZE)[codePoint % PAGE_SIZE] = weight;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(TABLE, e);
    }
    return pages;
  }

  /** The page, filled with the code points themselves when first used. */
  private static char[] page(char[][] pages, int index) {
    if (pages[index] == null) {
      pages[index] = new char[PAGE_SIZE];
      for (int i = 0; i < PAGE_SIZE; i++) {
        pages[index][i] = (char) (index * PAGE_SIZE + i);
      }
    }
    return pages[index];
  }
}
