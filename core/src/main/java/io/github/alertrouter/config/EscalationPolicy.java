package io.github.alertrouter.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tiers that raise a group which nobody acknowledges or resolves. Steps are ordered by
 * {@code after}. Immutable and thread-safe. Build one in code with {@link #builder}.
 *
 * <p><b>Loops.</b> After a round of all steps, the policy runs again {@code loops} more times
 * (default {@value #DEFAULT_LOOPS}). A round lasts {@link #roundLength()}: from the round's start
 * to its last firing (the latest {@code after + count * every} of any step), plus the first
 * step's {@code after} — the next round waits as long after the last firing as the first step
 * waited after the first notice. Round {@code n} therefore fires each step at
 * {@code firstNotice + n * roundLength() + after (+ k * every)}. Looping needs the first step's
 * {@code after} to be {@code > 0}, or a round would start at the instant the previous one ended.
 *
 * @param id the policy's id, referenced by notification policies
 * @param steps the tiers, ordered by {@code after}; not empty
 * @param loops how many more rounds after the first; {@code >= 0}
 */
public record EscalationPolicy(String id, List<EscalationStep> steps, int loops) {
  /** Rounds after the first, when {@code loops} is not set: none. */
  public static final int DEFAULT_LOOPS = 0;

  /**
   * Checks the id, the steps' order and the loops.
   *
   * @throws IllegalArgumentException naming the policy and what is wrong
   */
  public EscalationPolicy {
    Contact.requireId(id, "escalation policy");
    steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("escalation policy " + id + ": steps must not be empty");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).after().compareTo(steps.get(i - 1).after()) < 0) {
        throw new IllegalArgumentException(
            "escalation policy " + id + ": steps must be ordered by after, but step " + i + " comes before step " + (i - 1));
      }
    }
    if (loops < 0) {
      throw new IllegalArgumentException("escalation policy " + id + ": loops must be >= 0, but was " + loops);
    }
    if (loops > 0 && steps.get(0).after().isZero()) {
      throw new IllegalArgumentException("escalation policy " + id
          + ": loops needs the first step's after to be > 0 (it is the pause between rounds), but was 0s");
    }
  }

  /** A policy that runs its steps once ({@link #DEFAULT_LOOPS}). */
  public EscalationPolicy(String id, List<EscalationStep> steps) {
    this(id, steps, DEFAULT_LOOPS);
  }

  /**
   * The time from one round's start to the next's: the last firing's offset in a round plus the
   * first step's {@code after}.
   */
  public Duration roundLength() {
    Duration last = Duration.ZERO;
    for (EscalationStep step : steps) {
      Duration stepLast = step.repeat() == null
          ? step.after()
          : step.after().plus(step.repeat().every().multipliedBy(step.repeat().count()));
      if (stepLast.compareTo(last) > 0) {
        last = stepLast;
      }
    }
    return last.plus(steps.get(0).after());
  }

  /**
   * Starts a builder for a policy that runs its steps once ({@link #DEFAULT_LOOPS}); add at least
   * one step.
   *
   * @param id the policy's id, named by notification policies' {@code escalationPolicy}
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this policy's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder(id).steps(steps).loops(loops);
  }

  /** Builds an {@link EscalationPolicy}; {@link #build()} checks every field at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final List<EscalationStep> steps = new ArrayList<>();
    private int loops = DEFAULT_LOOPS;

    private Builder(String id) {
      this.id = id;
    }

    /** Adds a step after those added before; steps must come in order of their {@code after}. */
    public Builder step(EscalationStep step) {
      steps.add(step);
      return this;
    }

    /** Replaces the steps. */
    public Builder steps(List<EscalationStep> steps) {
      this.steps.clear();
      this.steps.addAll(steps);
      return this;
    }

    /** How many more rounds after the first; {@code >= 0}, default {@value EscalationPolicy#DEFAULT_LOOPS}. */
    public Builder loops(int loops) {
      this.loops = loops;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws ConfigException naming what is wrong: an empty id, no step, a null step, steps out
     *     of order, negative loops, loops with a first step at 0s
     */
    public EscalationPolicy build() {
      return new BuildCheck("escalation policy", id).id("id", id)
          .notEmpty("steps", steps, "add one with step(...)").elements("steps", steps)
          .build(() -> new EscalationPolicy(id, steps, loops));
    }
  }
}
