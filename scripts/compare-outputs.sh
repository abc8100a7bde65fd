#!/usr/bin/env bash
# Compares two folders written by scripts/golden-outputs.sh: metrics.csv and events.csv must be byte-identical,
# stats.csv and histograms.csv identical once the rows of the gradient tap (which older engines did not measure)
# are left out of the newer ones. Prints one line per scenario and exits 1 when any file differs.
#   scripts/compare-outputs.sh OLD NEW
set -uo pipefail
old=$1 new=$2 bad=0
for dir in "$old"/*/; do
  name=$(basename "$dir") was=$bad bad=0
  for f in metrics.csv events.csv; do
    cmp -s "$old/$name/$f" "$new/$name/$f" || { echo "DIFFERS: $name/$f"; bad=1; }
  done
  for f in stats.csv histograms.csv; do
    cmp -s "$old/$name/$f" <(grep -v '^[^,]*,[^,]*,[^,]*,gradient,' "$new/$name/$f") \
      || { echo "DIFFERS: $name/$f (gradient rows left out)"; bad=1; }
  done
  [[ $bad == 0 ]] && echo "same: $name"
  [[ $was == 1 ]] && bad=1
done
exit $bad
