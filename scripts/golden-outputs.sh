#!/usr/bin/env bash
# Writes the headless runner's CSV files for every preset and lesson scenario with one jar, so that two builds of the
# engine can be compared file by file:
#   scripts/golden-outputs.sh JAR OUTDIR [--quick]
#   diff -r OLD NEW   (or scripts/compare-outputs.sh OLD NEW, which leaves out the rows of taps the old engine lacked)
# --quick caps every run at 600 steps (bn-paper at 300); without it each scenario runs to its own training.steps
# (bn-paper, 50,000 steps on Fashion-MNIST, takes several minutes and needs Debian's dataset-fashion-mnist).
set -euo pipefail
jar=$1 out=$2 quick=${3:-}
here="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out"
for name in $(cat "$here/assets/scenarios/index.txt"); do
  extra=()
  if [[ $quick == --quick ]]; then
    extra=(--steps 600)
    [[ $name == bn-paper ]] && extra=(--steps 300)
  fi
  if [[ $name == bn-paper && ! -d /usr/share/datasets/fashion-mnist ]]; then
    echo "skip bn-paper: no /usr/share/datasets/fashion-mnist" >&2
    continue
  fi
  java -jar "$jar" --headless --scenario "$name" --no-png --out "$out/$name" "${extra[@]}" 2>"$out/$name.log" \
    || { echo "FAILED: $name (see $out/$name.log)" >&2; exit 1; }
  rm -f "$out/$name/run.json.tmp"
done
# the same scenarios with every statistic on every step and the variants that exercise every normalizer and noise
for v in normalizers noisy small-batch; do
  java -jar "$jar" --headless --scenario default --variants "$v" --every 1 --steps 400 --no-png \
    --out "$out/default-$v" 2>"$out/default-$v.log"
done
java -jar "$jar" --headless --scenario default --set network.bn_placement=after --set network.affine=fixed \
  --set network.gamma=1.5 --set network.beta=0.2 --steps 400 --no-png --out "$out/default-after" 2>"$out/default-after.log"
echo "wrote $out"
