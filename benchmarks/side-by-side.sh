#!/usr/bin/env bash
# The side-by-side benchmark in one command (issue #19): builds the CLI jar and the benchmarks,
# installs Debian's Alertmanager when it is missing (needs root or sudo), then runs the real
# Alertmanager and `alert-router serve` on the same workloads and prints one Markdown table.
# Arguments go to the harness, e.g. --workloads=W2,S50 --rounds=5 --out=/tmp/table.md; see
# docs/benchmarks.md ("Side by side with Alertmanager").
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/prometheus-alertmanager ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get install -y -qq prometheus-alertmanager >/dev/null \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq prometheus-alertmanager >/dev/null; }
fi
mvn -B -q -DskipTests -Dmaven.javadoc.skip -Dmaven.source.skip -pl benchmarks -am package
exec java -cp benchmarks/target/benchmarks.jar io.github.alertrouter.benchmarks.sidebyside.SideBySide "$@"
