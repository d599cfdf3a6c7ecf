package io.shardway.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The instructions of a Dockerfile, enough to check what its final stage, the image that ships,
 * does: comments and parser directives dropped, lines continued with a backslash joined.
 */
record Dockerfile(List<Instruction> instructions) {

  /** One instruction: its keyword in upper case and the rest of it. */
  record Instruction(String keyword, String arguments) {}

  static Dockerfile parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String instruction = pending.toString().strip();
      pending.setLength(0);
      if (!instruction.isEmpty()) {
        String[] parts = instruction.split("\\s+", 2);
        instructions.add(
            new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
      }
    }
    return new Dockerfile(instructions);
  }

  /** Returns the instructions from the last FROM on. */
  List<Instruction> finalStage() {
    int from = -1;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        from = i;
      }
    }
    if (from < 0) {
      throw new IllegalArgumentException("no FROM");
    }
    return instructions.subList(from, instructions.size());
  }

  /** Returns the arguments of the final stage's last {@code keyword}, the one that takes effect. */
  Optional<String> last(String keyword) {
    List<Instruction> stage = finalStage();
    for (int i = stage.size() - 1; i >= 0; i--) {
      if (stage.get(i).keyword().equals(keyword)) {
        return Optional.of(stage.get(i).arguments());
      }
    }
    return Optional.empty();
  }
}
