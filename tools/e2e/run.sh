#!/usr/bin/env bash
# The real-Alertmanager end-to-end suite on its own: installs Debian's prometheus-alertmanager when
# it is missing (needs root or sudo, and the package registry), then runs the suite, which starts
# Alertmanager on 127.0.0.1 (gossip off, temp storage) against `alert-router serve` and a simulated
# DingTalk robot, and stops every process it started. `.ci/run` runs it as part of `mvn -B verify`.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v prometheus-alertmanager >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq prometheus-alertmanager >/dev/null
fi
export ALERT_ROUTER_REQUIRE_AMTOOL=1
mvn -B -pl cli -am test -Dtest=AlertmanagerEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false
