/** JMH benchmarks; see docs/benchmarks.md for how to run them and recorded results. */
package io.github.alertrouter.benchmarks;
