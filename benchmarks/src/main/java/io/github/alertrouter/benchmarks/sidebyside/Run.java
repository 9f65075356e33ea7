package io.github.alertrouter.benchmarks.sidebyside;

/**
 * One server's run of one workload, from a fresh process.
 *
 * @param readySeconds launch → {@code /-/ready} answered 200
 * @param readyRssMiB resident memory once ready, before any alert (idle)
 * @param alertsPerSecond alerts ÷ (first POST sent → last POST answered)
 * @param e2eSeconds first POST sent → the last routed alert's first arrival at the sink
 * @param delayP50 per routed alert: its POST sent → its first arrival, median, seconds
 * @param delayP99 the same, 99th percentile
 * @param cpuSeconds the server's CPU time from the first POST to the last arrival
 * @param peakRssMiB the most resident memory of the run (VmHWM), read after the idle window
 * @param idleCores CPU time ÷ wall time in the idle window after the last arrival
 * @param requests requests the sink received
 * @param lost routed alerts that never arrived (within the run's timeout)
 * @param duplicates arrivals of an alert that had arrived before
 * @param unexpected arrivals of alerts that no route sends anywhere
 * @param omitted alerts a message only counted ("…and N more alerts")
 * @param refused messages the chat refused (over its limit; the storm only)
 */
record Run(double readySeconds, double readyRssMiB, double alertsPerSecond, double e2eSeconds, double delayP50,
    double delayP99, double cpuSeconds, double peakRssMiB, double idleCores, int requests, int lost, int duplicates,
    int unexpected, long omitted, int refused) {

  /** Routed alerts neither named nor counted in any message the chat took. */
  long untold(int routed) {
    return Math.max(0, lost - omitted);
  }

  /** Every routed alert arrived exactly once, and nothing else did. */
  boolean exactlyOnce() {
    return lost == 0 && duplicates == 0 && unexpected == 0;
  }
}
