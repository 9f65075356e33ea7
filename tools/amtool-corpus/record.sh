#!/usr/bin/env bash
# Regenerate (or with --check, verify) the amtool golden corpus.
# Requires amtool 0.25.0 (Debian: apt-get install -y prometheus-alertmanager) and python3.
# Usage: tools/amtool-corpus/record.sh [--check] [--amtool /path/to/amtool]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/record.py" "$@"
