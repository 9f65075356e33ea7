package io.github.alertrouter.testkit;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeded generators of the text alerts carry in practice and in attacks: CJK, emoji (joined
 * sequences, flags, supplementary characters), arbitrary UTF-16 (lone surrogates included), and
 * mention/markdown injection pieces. For property tests: run a check over many seeds with
 * {@link #seeds}, and a failure names its seed, which reproduces it exactly. Not thread-safe.
 */
public final class RandomText {
  /** Pieces that try to trigger mentions or markup on some platform. */
  public static final List<String> HOSTILE_PIECES = List.of(
      "@", "@all", "@13800000000", "<", ">", "<at user_id=\"all\">", "<at id=all></at>", "<@all>", "<@userid>",
      "](", "[", "]", "(", ")", "!", "#", "- ", "+ ", "1. ", "\n", "\r\n", " ", "\t", "*", "_", "`", "~", "|",
      "\\", "&#64;", "&lt;", "\u200B", "\u202E", "\uFEFF", "\uD83D", "\uDE00", "🔥", "磁盘", "http://evil.example.com",
      "＠", "@所有人", "<font color=red>", "![x](http://t.example/p.png)", "[click](http://evil.example)");
  private static final List<String> EMOJI = List.of(
      "🔥", "✅", "👨‍👩‍👧", "🇨🇳", "😀", "𠀀", "🧑🏽‍💻", "❤️", "\"", "\\", "\n", "@all", "](", "<at>", "磁", "é", "ﬁ");

  private final long seed;
  private final Random random;

  /** A generator whose every draw follows from {@code seed}. */
  public RandomText(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Seeds {@code 1..count}: a stable set of cases, the same on every run. */
  public static Stream<Long> seeds(int count) {
    return LongStream.rangeClosed(1, count).boxed();
  }

  /** The seed this generator started from: the one to name when a check fails. */
  public long seed() {
    return seed;
  }

  /** A uniformly chosen int in {@code [min, max]}. */
  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** {@code true} or {@code false}, equally likely. */
  public boolean coin() {
    return random.nextBoolean();
  }

  /** One of {@code options}, uniformly chosen; there must be at least one. */
  @SafeVarargs
  public final <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  /** One of {@code options}, uniformly chosen; the list must not be empty. */
  public <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  /** Up to {@code maxLength} common CJK ideographs. */
  public String cjk(int maxLength) {
    int n = between(0, maxLength);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) between(0x4e00, 0x9fa5));
    }
    return sb.toString();
  }

  /** Up to {@code maxPieces} emoji and other multi-unit characters, mixed with quotes and breaks. */
  public String emoji(int maxPieces) {
    return pieces(EMOJI, maxPieces);
  }

  /** Up to {@code maxPieces} injection pieces, interleaved with short arbitrary strings. */
  public String hostile(int maxPieces) {
    int n = between(0, maxPieces);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(coin() ? pick(HOSTILE_PIECES) : any(5));
    }
    return sb.toString();
  }

  /** Up to {@code maxLength} arbitrary UTF-16 code units: controls, lone surrogates, anything. */
  public String any(int maxLength) {
    int n = between(0, maxLength);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(switch (random.nextInt(4)) {
        case 0 -> (char) between(0, 0x7f);
        case 1 -> (char) between(0x80, 0x7ff);
        case 2 -> (char) between(0xd800, 0xdfff);
        default -> (char) between(0, 0xffff);
      });
    }
    return sb.toString();
  }

  private String pieces(List<String> from, int maxPieces) {
    int n = between(0, maxPieces);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(pick(from));
    }
    return sb.toString();
  }
}
