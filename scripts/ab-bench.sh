#!/usr/bin/env bash
# Times two builds of the engine against each other in one JVM, alternating, by the training thread's CPU time:
#   scripts/ab-bench.sh OLD.jar NEW.jar bare|stats|lesson5 [SECONDS_PER_WINDOW] [PAIRS] [all]
# AB_NEW_SET=key=value[+key=value…] sets scenario keys of the new side only (bare and stats), e.g. the same jar twice
# with AB_NEW_SET=lab.every=10 times the ICS lab against no lab.
# prints each pair's steps per CPU-second and ratio new/old, then the median ratio with its min and max.
# Without "all" the new engine leaves out taps the old one lacked (the gradient), so both do the same work.
set -euo pipefail
old=$1 new=$2 what=$3 seconds=${4:-2} pairs=${5:-8} all=${6:-}
here="$(cd "$(dirname "$0")" && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/old" "$tmp/new" "$tmp/ab"
javac -nowarn -d "$tmp/old" -cp "$old" "$here/ab-bench/CpuBench.java" 2>/dev/null
javac -nowarn -d "$tmp/new" -cp "$new" "$here/ab-bench/CpuBench.java" 2>/dev/null
javac -d "$tmp/ab" "$here/ab-bench/AbBench.java"
echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -I)"
java -cp "$tmp/ab" AbBench "$old" "$new" "$tmp/old" "$tmp/new" "$what" "$seconds" "$pairs" $all
